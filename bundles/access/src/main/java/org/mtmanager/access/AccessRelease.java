package org.mtmanager.access;

import java.util.List;

import javax.persistence.EntityManager;

import org.mtmanager.api.Channel;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.user.AuthService;
import org.mtmanager.machine.deletion.DeletionStep;
import org.mtmanager.machine.deletion.MachineDeletion;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.spi.firewall.Policy;
import org.mtmanager.store.entity.MachineEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A deleted machine's grants go, and its external ports return to the range. */
@Component(service = MachineDeletion.class)
@DeletionStep("access")
public class AccessRelease implements MachineDeletion {
    private final Firewall firewall;
    private final AuditLog audit;
    private final AuthService auth;

    @Activate
    public AccessRelease(@Reference Firewall firewall, @Reference AuditLog audit, @Reference AuthService auth) {
        this.firewall = firewall;
        this.audit = audit;
        this.auth = auth;
    }

    @Override
    public Runnable deleting(EntityManager em, MachineEntity m, String requestedBy) {
        Policy gone = AccessPolicy.of(em, m);
        if (gone.isEmpty()) {
            return () -> { };
        }
        em.createQuery("DELETE FROM GrantEntity g WHERE g.machineId = :m").setParameter("m", m.getId()).executeUpdate();
        em.createQuery("DELETE FROM PortEntity p WHERE p.machineId = :m").setParameter("m", m.getId()).executeUpdate();
        audit.append(em, auth.system(Channel.SYSTEM), AuditEvent.success("access.release", "machine", m.getId(), m.getAccountId(),
            gone.allows().size() + " grant(s) revoked and " + gone.forwards().size() + " external port(s) freed with the machine, deleted by " + requestedBy));
        return () -> firewall.change(Policy.EMPTY, gone, List.copyOf(gone.allows()));
    }
}
