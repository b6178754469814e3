package org.mtmanager.hypervisor.libvirt;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.LibvirtException;
import org.libvirt.jna.Libvirt;
import org.mtmanager.spi.hypervisor.Capability;
import org.mtmanager.spi.hypervisor.DriverException;
import org.mtmanager.spi.hypervisor.DriverMachine;
import org.mtmanager.spi.hypervisor.HostSettings;
import org.mtmanager.spi.hypervisor.HypervisorDriver;
import org.mtmanager.spi.hypervisor.MachineSpec;
import org.mtmanager.spi.hypervisor.PowerState;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Machines as libvirt domains. One connection is kept per URI (the {@code test:///} driver keeps its domains
 * only as long as its connection), and calls on one connection are serialised.
 */
@Component(service = HypervisorDriver.class, property = HypervisorDriver.TYPE_PROPERTY + "=libvirt")
public class LibvirtDriver implements HypervisorDriver {
    private final Map<String, Connect> connections = new ConcurrentHashMap<>();

    @Override
    public String type() {
        return "libvirt";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.SNAPSHOT);
    }

    @Override
    public List<String> problems(HostSettings host) {
        if (host.get("uri").isEmpty()) {
            return List.of("host " + host.name() + " has no uri (for example uri = qemu:///system)");
        }
        try {
            return Libvirt.INSTANCE == null ? List.of("the libvirt client library did not load") : List.of();
        } catch (LinkageError e) {
            return List.of(unloadable(e));
        }
    }

    /**
     * The host problem of a client library that does not load, in words: the linker's message (which library,
     * why) without the Java error's class name; a second look only learns that the first one failed.
     */
    static String unloadable(LinkageError e) {
        String why = e instanceof UnsatisfiedLinkError && e.getMessage() != null ? e.getMessage()
            : "it failed to load when first used (the server log says why)";
        return "the libvirt client library cannot be loaded (apt-get install -y libvirt0): " + why;
    }

    /** Work on one libvirt connection. */
    private interface Call<T> {
        T on(Connect c) throws LibvirtException;
    }

    private <T> T call(HostSettings host, String what, Call<T> call) throws DriverException {
        String uri = host.get("uri").orElseThrow(() -> new DriverException("host " + host.name() + " has no uri (for example uri = qemu:///system)", false));
        Connect c;
        try {
            c = connections.computeIfAbsent(uri, u -> {
                try {
                    return new Connect(u);
                } catch (LibvirtException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
        } catch (IllegalStateException | UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new DriverException("cannot connect to " + uri + ": " + e.getMessage(), true, e);
        }
        synchronized (c) {
            try {
                return call.on(c);
            } catch (LibvirtException | MissingDomain e) {
                throw new DriverException(what + " failed on " + host.name() + ": " + e.getMessage(), false, e);
            }
        }
    }

    private static Domain find(Connect c, String machineId) throws LibvirtException {
        String name = DomainXml.name(machineId);
        for (String defined : c.listDefinedDomains()) {
            if (defined.equals(name)) {
                return c.domainLookupByName(name);
            }
        }
        for (int id : c.listDomains()) {
            Domain d = c.domainLookupByID(id);
            if (d.getName().equals(name)) {
                return d;
            }
        }
        return null;
    }

    @Override
    public DriverMachine create(HostSettings host, MachineSpec spec) throws DriverException {
        return call(host, "create " + spec.machineId(), c -> {
            Domain d = find(c, spec.machineId());
            if (d == null) {
                String type = host.get("domainType").orElse(host.get("uri").orElse("").startsWith("test:") ? "test" : "qemu");
                d = c.domainDefineXML(DomainXml.of(spec, type, spec.pbxVersion(), new DomainXml.Boot(host.get("kernel").orElse(null),
                    host.get("initrd").orElse(null), host.get("consoleDir").orElse(null))));
            }
            if (d.isActive() == 0) {
                d.create();
            }
            return describe(spec.machineId(), d);
        });
    }

    @Override
    public void start(HostSettings host, String machineId) throws DriverException {
        call(host, "start " + machineId, c -> {
            Domain d = require(c, machineId);
            if (d.isActive() == 0) {
                d.create();
            }
            return null;
        });
    }

    @Override
    public void stop(HostSettings host, String machineId) throws DriverException {
        call(host, "stop " + machineId, c -> {
            Domain d = require(c, machineId);
            if (d.isActive() != 0) {
                d.destroy();
            }
            return null;
        });
    }

    @Override
    public void destroy(HostSettings host, String machineId) throws DriverException {
        call(host, "destroy " + machineId, c -> {
            Domain d = find(c, machineId);
            if (d != null) {
                if (d.isActive() != 0) {
                    d.destroy();
                }
                for (String snapshot : d.snapshotListNames()) {
                    d.snapshotLookupByName(snapshot).delete(0);
                }
                d.undefine();
            }
            return null;
        });
    }

    @Override
    public void upgrade(HostSettings host, String machineId, String version) throws DriverException {
        call(host, "upgrade " + machineId, c -> {
            Domain d = require(c, machineId);
            boolean active = d.isActive() != 0;
            String xml = d.getXMLDesc(0);
            if (active) {
                d.destroy();
            }
            Domain redefined = c.domainDefineXML(DomainXml.withVersion(xml, version));
            if (active) {
                redefined.create();
            }
            return null;
        });
    }

    @Override
    public void resize(HostSettings host, String machineId, int vcpu, int memoryMb, int diskGb) throws DriverException {
        call(host, "resize " + machineId, c -> {
            Domain d = require(c, machineId);
            boolean active = d.isActive() != 0;
            String xml = DomainXml.withSize(d.getXMLDesc(0), vcpu, memoryMb, diskGb);
            if (active) {
                d.destroy();
            }
            Domain redefined = c.domainDefineXML(xml);
            if (active) {
                redefined.create();
            }
            return null;
        });
    }

    @Override
    public void snapshot(HostSettings host, String machineId, String name) throws DriverException {
        call(host, "snapshot " + machineId, c -> require(c, machineId).snapshotCreateXML(
            "<domainsnapshot><name>" + DomainXml.escape(name) + "</name></domainsnapshot>"));
    }

    @Override
    public void restore(HostSettings host, String machineId, String name) throws DriverException {
        call(host, "restore " + machineId, c -> {
            Domain d = require(c, machineId);
            d.revertToSnapshot(d.snapshotLookupByName(name));
            return null;
        });
    }

    @Override
    public Optional<DriverMachine> status(HostSettings host, String machineId) throws DriverException {
        return call(host, "status " + machineId, c -> {
            Domain d = find(c, machineId);
            return d == null ? Optional.empty() : Optional.of(describe(machineId, d));
        });
    }

    @Override
    public List<DriverMachine> inventory(HostSettings host) throws DriverException {
        return call(host, "inventory", c -> {
            List<DriverMachine> all = new ArrayList<>();
            List<Domain> domains = new ArrayList<>();
            for (String name : c.listDefinedDomains()) {
                domains.add(c.domainLookupByName(name));
            }
            for (int id : c.listDomains()) {
                domains.add(c.domainLookupByID(id));
            }
            for (Domain d : domains) {
                if (d.getName().startsWith(DomainXml.PREFIX)) {
                    all.add(describe(d.getName().substring(DomainXml.PREFIX.length()), d));
                }
            }
            return all;
        });
    }

    /** The machine's domain; its absence is the caller's error, not libvirt's. */
    private static Domain require(Connect c, String machineId) throws LibvirtException {
        Domain d = find(c, machineId);
        if (d == null) {
            throw new MissingDomain("no domain " + DomainXml.name(machineId));
        }
        return d;
    }

    /** Raised inside a call when the machine has no domain. */
    private static final class MissingDomain extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingDomain(String message) {
            super(message);
        }
    }

    private static DriverMachine describe(String machineId, Domain d) throws LibvirtException {
        String xml = d.getXMLDesc(0);
        DomainInfo.DomainState s = d.getInfo().state;
        PowerState state = switch (s) {
            case VIR_DOMAIN_RUNNING, VIR_DOMAIN_BLOCKED, VIR_DOMAIN_PAUSED -> PowerState.RUNNING;
            case VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTDOWN -> PowerState.STOPPED;
            case VIR_DOMAIN_CRASHED -> PowerState.CRASHED;
            default -> PowerState.UNKNOWN;
        };
        return new DriverMachine(machineId, state, DomainXml.version(xml), DomainXml.ip(xml));
    }

    @Deactivate
    void close() {
        connections.values().forEach(c -> {
            try {
                c.close();
            } catch (LibvirtException e) {
                // closing on the way out: nothing left to do with it
            }
        });
        connections.clear();
    }
}
