package org.mtmanager.machine;

import java.time.Clock;
import java.util.List;

import javax.persistence.EntityManager;

import org.mtmanager.api.Channel;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.user.AuthService;
import org.mtmanager.machine.deletion.DeletionStep;
import org.mtmanager.machine.deletion.MachineDeletion;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.store.entity.PlanChangeEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A deleted machine's plan-change requests still waiting for a decision are closed (rejected by the platform,
 * audited): nobody can resize a deleted machine, and an open request must not outlive it.
 */
@Component(service = MachineDeletion.class)
@DeletionStep("plan-change")
public class PlanChangeRelease implements MachineDeletion {
    private final AuditLog audit;
    private final AuthService auth;
    private final Clock clock;

    @Activate
    public PlanChangeRelease(@Reference AuditLog audit, @Reference AuthService auth) {
        this(audit, auth, Clock.systemUTC());
    }

    public PlanChangeRelease(AuditLog audit, AuthService auth, Clock clock) {
        this.audit = audit;
        this.auth = auth;
        this.clock = clock;
    }

    @Override
    public Runnable deleting(EntityManager em, MachineEntity m, String requestedBy) {
        List<PlanChangeEntity> open = em.createQuery("SELECT p FROM PlanChangeEntity p WHERE p.machineId = :m AND p.state = :s",
            PlanChangeEntity.class).setParameter("m", m.getId()).setParameter("s", PlanChanges.PENDING).getResultList();
        for (PlanChangeEntity p : open) {
            p.setState(PlanChanges.REJECTED);
            p.setDecidedBy("system");
            p.setDecidedAt(clock.instant());
            p.setDecision("the machine was deleted");
            audit.append(em, auth.system(Channel.SYSTEM), AuditEvent.success("machine.plan-reject", "machine", m.getId(),
                m.getAccountId(), m.getHostname() + ": request " + p.getId() + " closed, the machine was deleted by " + requestedBy));
        }
        return () -> { };
    }
}
