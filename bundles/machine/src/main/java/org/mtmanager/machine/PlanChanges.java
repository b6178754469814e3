package org.mtmanager.machine;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.api.machine.PlanChange;
import org.mtmanager.api.plan.ResourcePlan;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.platform.util.Fields;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.store.entity.PlanChangeEntity;
import org.mtmanager.store.entity.PlanEntity;

/**
 * The rules of resource-plan changes: the new plan must fit the machine's licences, one request at a time per
 * machine, and only a platform administrator decides. Runs inside the machine service's transactions.
 */
final class PlanChanges {
    static final String PENDING = "PENDING";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";

    private PlanChanges() {
    }

    static PlanChange request(EntityManager em, AuditLog audit, Caller caller, MachineEntity m, ResourcePlan plan, String reason,
                              Instant now) {
        Scope.requireWriter(caller);
        if (MachineState.valueOf(m.getState()) == MachineState.DELETED) {
            throw MtmException.conflict("state", "machine " + m.getHostname() + " is deleted");
        }
        if (plan.id() == m.getPlanId()) {
            throw MtmException.conflict("plan", "plan: the machine already has plan " + plan.name());
        }
        if (m.getExtensions() > plan.maxExtensions() || m.getTenants() > plan.maxTenants()) {
            throw new MtmException(ErrorCode.RULE_VIOLATION, "plan", "plan: " + plan.name() + " allows " + plan.maxExtensions()
                + " extensions and " + plan.maxTenants() + " tenants; the machine is licensed for " + m.getExtensions()
                + " and " + m.getTenants());
        }
        // One pending request per machine, across nodes: two requests raise the machine's version, and the second
        // to commit runs again and finds the first.
        em.lock(m, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        long pending = em.createQuery("SELECT COUNT(p.id) FROM PlanChangeEntity p WHERE p.machineId = :m AND p.state = :s",
            Long.class).setParameter("m", m.getId()).setParameter("s", PENDING).getSingleResult();
        if (pending > 0) {
            throw MtmException.conflict(null, "machine " + m.getHostname() + " already has a plan change waiting for approval");
        }
        PlanChangeEntity p = new PlanChangeEntity();
        p.setMachineId(m.getId());
        p.setAccountPath(m.getAccountPath());
        p.setFromPlanId(m.getPlanId());
        p.setToPlanId(plan.id());
        p.setState(PENDING);
        p.setReason(Fields.text(PlanChange.REASON, reason));
        p.setRequestedBy(caller.username());
        p.setRequestedAt(now);
        em.persist(p);
        em.flush();
        audit.append(em, caller, AuditEvent.success("machine.plan-request", "machine", m.getId(), m.getAccountId(),
            m.getHostname() + ": plan " + m.getPlanId() + " -> " + plan.name() + " (request " + p.getId() + ")"));
        return view(p);
    }

    static List<PlanChange> list(EntityManager em, Caller caller, String state) {
        String s = state == null || state.isBlank() ? null : state.strip().toUpperCase(Locale.ROOT);
        if (s != null && !List.of(PENDING, APPROVED, REJECTED).contains(s)) {
            throw MtmException.invalid("state", "must be PENDING, APPROVED or REJECTED");
        }
        TypedQuery<PlanChangeEntity> q = em.createQuery("SELECT p FROM PlanChangeEntity p WHERE p.accountPath LIKE :path"
                + (s == null ? "" : " AND p.state = :s") + " ORDER BY p.id DESC", PlanChangeEntity.class)
            .setParameter("path", caller.accountPath() + "%")
            .setMaxResults(1000);
        if (s != null) {
            q.setParameter("s", s);
        }
        return q.getResultList().stream().map(PlanChanges::view).toList();
    }

    /** Records the decision; on approval the caller creates the RESIZE job and passes its id. */
    static PlanChangeEntity decide(EntityManager em, AuditLog audit, Caller caller, long id, boolean approve, String note,
                                   Instant now) {
        Scope.requirePlatformAdmin(caller);
        PlanChangeEntity p = em.find(PlanChangeEntity.class, id);
        if (p == null || !Scope.sees(caller, p.getAccountPath())) {
            throw MtmException.notFound("plan change", id);
        }
        if (!p.getState().equals(PENDING)) {
            throw MtmException.conflict("state", "plan change " + id + " was already " + p.getState().toLowerCase(Locale.ROOT));
        }
        MachineEntity m = em.find(MachineEntity.class, p.getMachineId());
        // Decided once, across nodes: two decisions raise the machine's version, and the second to commit runs again
        // and finds the request decided.
        em.lock(m, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        p.setState(approve ? APPROVED : REJECTED);
        p.setDecidedBy(caller.username());
        p.setDecidedAt(now);
        p.setDecision(Fields.text(PlanChange.DECISION.named("note"), note));
        PlanEntity to = em.find(PlanEntity.class, p.getToPlanId());
        audit.append(em, caller, AuditEvent.success(approve ? "machine.plan-approve" : "machine.plan-reject", "machine",
            m.getId(), m.getAccountId(), m.getHostname() + ": plan -> " + (to == null ? p.getToPlanId() : to.getName())
                + " (request " + id + ")" + (note == null ? "" : ": " + note)));
        return p;
    }

    static PlanChange view(PlanChangeEntity p) {
        return new PlanChange(p.getId(), p.getMachineId(), p.getFromPlanId(), p.getToPlanId(), p.getState(), p.getReason(),
            p.getRequestedBy(), p.getRequestedAt(), p.getDecidedBy(), p.getDecidedAt(), p.getDecision(), p.getJobId());
    }
}
