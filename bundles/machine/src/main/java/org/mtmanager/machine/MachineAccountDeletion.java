package org.mtmanager.machine;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import org.mtmanager.api.job.JobState;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.EntityChanges;
import org.mtmanager.store.entity.MachineDraftEntity;
import org.mtmanager.tenant.deletion.AccountDeletion;
import org.mtmanager.tenant.deletion.AccountDeletionStep;
import org.osgi.service.component.annotations.Component;

/**
 * Machines' part in deleting an account: its machines that are not deleted, their unfinished jobs and plan changes
 * waiting for a decision, and live machines elsewhere on its resource plans keep it; its machine drafts go with
 * it. Deleted machines' rows stay, as history.
 */
@Component
@AccountDeletionStep("machine")
public class MachineAccountDeletion implements AccountDeletion {
    private static final String ALL_MACHINES = "SELECT m.id FROM MachineEntity m WHERE m.accountId = :id";

    @Override
    public List<String> living(EntityManager em, AccountEntity account) {
        long id = account.getId();
        List<String> living = new ArrayList<>();
        add(living, count(em, "SELECT COUNT(m) FROM MachineEntity m WHERE m.accountId = :id AND m.state <> '"
            + MachineState.DELETED.name() + "'", id), "machine(s) not deleted (stop and delete them first)");
        add(living, count(em, "SELECT COUNT(j) FROM JobEntity j WHERE j.machineId IN (" + ALL_MACHINES + ") AND j.state IN ('"
            + JobState.QUEUED.name() + "', '" + JobState.RUNNING.name() + "', '" + JobState.WAITING.name() + "')", id),
            "unfinished job(s) (wait for them to end)");
        add(living, count(em, "SELECT COUNT(p) FROM PlanChangeEntity p WHERE p.machineId IN (" + ALL_MACHINES
            + ") AND p.state = 'PENDING'", id), "plan change(s) waiting for a decision (approve or reject them)");
        add(living, count(em, "SELECT COUNT(m) FROM MachineEntity m, PlanEntity p WHERE p.ownerAccountId = :id AND m.planId = p.id"
            + " AND m.state <> '" + MachineState.DELETED.name() + "'", id), "live machine(s) elsewhere on its resource plans");
        return living;
    }

    @Override
    public void release(EntityManager em, AccountEntity account) {
        em.createQuery("DELETE FROM MachineDraftEntity d WHERE d.accountId = :id").setParameter("id", account.getId()).executeUpdate();
        EntityChanges.touched(MachineDraftEntity.class);
    }

    static long count(EntityManager em, String jpql, long id) {
        return em.createQuery(jpql, Long.class).setParameter("id", id).getSingleResult();
    }

    static void add(List<String> living, long n, String what) {
        if (n > 0) {
            living.add(n + " " + what);
        }
    }
}
