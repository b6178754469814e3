package org.mtmanager.access;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.access.AccessService;
import org.mtmanager.api.access.FirewallStatus;
import org.mtmanager.api.access.Grant;
import org.mtmanager.api.access.GrantRequest;
import org.mtmanager.api.access.GrantState;
import org.mtmanager.api.access.MachineAccess;
import org.mtmanager.api.access.PortForward;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.scope.Distributors;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.platform.util.Cidr;
import org.mtmanager.platform.util.Fields;
import org.mtmanager.spi.firewall.Policy;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.GrantEntity;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.store.entity.PortEntity;
import org.mtmanager.store.entity.SettingEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Grants and forwards (see {@link AccessService}); every change audited, refusals included. */
@Component(service = AccessService.class)
public class AccessServiceImpl implements AccessService {
    private final Store store;
    private final AuditLog audit;
    private final Firewall firewall;
    private final Clock clock;

    @Activate
    public AccessServiceImpl(@Reference Store store, @Reference AuditLog audit, @Reference Firewall firewall) {
        this(store, audit, firewall, Clock.systemUTC());
    }

    public AccessServiceImpl(Store store, AuditLog audit, Firewall firewall, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.firewall = firewall;
        this.clock = clock;
    }

    @Override
    public MachineAccess access(Caller caller, long machineId) {
        String publicAddress = firewall.publicAddress();
        return store.read(em -> {
            MachineEntity m = Scope.visibleMachine(em, caller, machineId);
            List<PortEntity> ports = em.createQuery("SELECT p FROM PortEntity p WHERE p.machineId = :m ORDER BY p.externalPort",
                PortEntity.class).setParameter("m", m.getId()).getResultList();
            List<Grant> grants = em.createQuery("SELECT g FROM GrantEntity g WHERE g.machineId = :m ORDER BY g.id", GrantEntity.class)
                .setParameter("m", m.getId()).getResultList().stream().map(g -> view(g, ports)).toList();
            List<PortForward> forwards = ports.stream().map(p -> new PortForward(m.getId(), serviceName(p.getService()),
                p.getProtocol(), p.getPort(), publicAddress, p.getExternalPort())).toList();
            return new MachineAccess(m.getId(), m.getInternalIp(), grants, forwards);
        });
    }

    @Override
    public Grant grant(Caller caller, long machineId, GrantRequest r) {
        return audit.attempt(caller, "access.grant", "machine", machineId, () -> {
            Scope.requireWriter(caller);
            if (r == null) {
                throw MtmException.invalid("grant", "is required");
            }
            Services.Service service = Services.resolve(r);
            String source = Cidr.parse("source", r.source()).toString();
            if (Fields.instant("expiresAt", r.expiresAt()) != null && !r.expiresAt().isAfter(clock.instant())) {
                throw MtmException.invalid("expiresAt", "must be in the future");
            }
            boolean[] installed = {false};
            Object[] made;
            try {
                made = store.write(em -> insert(em, caller, machineId, r, service, source, installed));
            } catch (RuntimeException e) {
                if (installed[0]) {
                    // The firewall holds an entry the database lacks: the next full sync removes it.
                    firewall.markDirty();
                }
                throw e;
            }
            GrantEntity g = (GrantEntity) made[0];
            PortEntity port = (PortEntity) made[1];
            return view(g, port == null ? List.of() : List.of(port));
        });
    }

    /** The grant's unit of work: checks, its port, the audit, the firewall, the row; {@code installed[0]} tells whether the firewall took it. */
    private Object[] insert(EntityManager em, Caller caller, long machineId, GrantRequest r, Services.Service service, String source,
                            boolean[] installed) {
        MachineEntity m = Scope.visibleMachine(em, caller, machineId);
        if (MachineState.valueOf(m.getState()) == MachineState.DELETED) {
            throw MtmException.conflict("machine", "machine " + m.getHostname() + " is deleted");
        }
        Optional<AccountEntity> distributor = Distributors.of(em, m.getAccountPath());
        // The platform-wide list is what a distributor may open itself; the platform (the account above the
        // distributor) grants anything else per machine, still on a non-well-known external port.
        if (distributor.isPresent() && !Distributors.preparesFor(caller, distributor.get())
                && !distributorServices(em).contains(service.name())) {
            throw new MtmException(ErrorCode.FORBIDDEN, "service", "service: a distributor's machines get "
                + String.join(", ", distributorServices(em)) + " only, unless the platform grants more on the machine");
        }
        if (installed[0]) {
            // A previous attempt of this unit installed its entry and was then refused by the database: the full
            // sync removes what the database lacks, and this attempt may choose another port.
            firewall.markDirty();
            installed[0] = false;
        }
        if (!service.web()) {
            audit.lockChain(em);
        }
        PortEntity port = service.web() ? null : PortAllocator.portFor(em, m, service, distributor.isPresent(), clock.instant());
        GrantEntity g = new GrantEntity();
        g.setMachineId(m.getId());
        g.setSource(source);
        g.setService(service.name());
        g.setProtocol(service.protocol());
        g.setPort(service.port());
        g.setExpiresAt(r.expiresAt());
        g.setState(GrantState.PENDING.name());
        g.setCreatedBy(caller.username());
        g.setCreatedAt(clock.instant());
        boolean duplicate = em.createQuery("SELECT COUNT(x.id) FROM GrantEntity x WHERE x.machineId = :m AND x.source = :s "
                + "AND x.protocol = :p AND x.port = :port", Long.class).setParameter("m", m.getId()).setParameter("s", source)
            .setParameter("p", service.protocol()).setParameter("port", service.port()).getSingleResult() > 0;
        if (duplicate) {
            throw MtmException.conflict("source", source + " already has " + service.name() + " on " + m.getHostname());
        }
        // Audited first: the audit checks that the caller's token allows the action, and nothing may be
        // installed for a refused call.
        audit.append(em, caller, AuditEvent.success("access.grant", "machine", m.getId(), m.getAccountId(),
            service.name() + " from " + source + (port == null ? "" : " via external port " + port.getExternalPort())
                + (r.expiresAt() == null ? "" : " until " + r.expiresAt())));
        // Installed before the row is written, so the grant is inserted once with its outcome (ACTIVE, or
        // PENDING for the retrying sync) instead of inserted and then updated.
        Policy add = Policy.of(port == null ? List.of() : List.of(AccessPolicy.forward(port, m.getInternalIp())),
            List.of(AccessPolicy.allow(g, m.getInternalIp())));
        // The database has checked the port and the audit before anything is installed.
        em.flush();
        installed[0] = firewall.change(add, Policy.EMPTY, List.of());
        if (installed[0]) {
            g.setState(GrantState.ACTIVE.name());
        }
        em.persist(g);
        return new Object[] {g, port};
    }

    @Override
    public void revoke(Caller caller, long machineId, long grantId) {
        audit.attempting(caller, "access.revoke", "machine", machineId, () -> {
            Scope.requireWriter(caller);
            Policy.Allow gone = store.write(em -> {
                MachineEntity m = Scope.visibleMachine(em, caller, machineId);
                GrantEntity g = em.find(GrantEntity.class, grantId);
                if (g == null || g.getMachineId() != m.getId()) {
                    throw MtmException.notFound("grant", grantId);
                }
                em.remove(g);
                audit.append(em, caller, AuditEvent.success("access.revoke", "machine", m.getId(), m.getAccountId(),
                    g.getService() + " from " + g.getSource()));
                return AccessPolicy.allow(g, m.getInternalIp());
            });
            firewall.change(Policy.EMPTY, Policy.of(List.of(), List.of(gone)), List.of(gone));
        });
    }

    @Override
    public FirewallStatus sync(Caller caller, boolean repair) {
        return audit.attempt(caller, "firewall.sync", "firewall", null, () -> {
            Scope.requirePlatformAdmin(caller);
            FirewallStatus status = firewall.status(repair);
            audit.record(caller, AuditEvent.success("firewall.sync", "firewall", status.backend(), caller.accountId(),
                status.drift().size() + " drift(s)" + (repair ? ", repaired: " + status.repaired() : "")));
            return status;
        });
    }

    private static Grant view(GrantEntity g, List<PortEntity> ports) {
        Integer external = ports.stream().filter(p -> p.getProtocol().equals(g.getProtocol()) && p.getPort() == g.getPort()
            && serviceName(p.getService()).equals(g.getService())).map(PortEntity::getExternalPort).findFirst().orElse(null);
        return new Grant(g.getId(), g.getMachineId(), g.getSource(), g.getService(), g.getProtocol(), g.getPort(), external,
            g.getExpiresAt(), GrantState.valueOf(g.getState()), g.getCreatedBy(), g.getCreatedAt());
    }

    static String serviceName(String key) {
        return key.substring(0, key.indexOf('/'));
    }

    static Set<String> distributorServices(EntityManager em) {
        SettingEntity s = em.find(SettingEntity.class, "access.distributor-services");
        return new HashSet<>(Arrays.asList((s == null ? "web,https" : s.getValue()).split("\\s*,\\s*")));
    }
}
