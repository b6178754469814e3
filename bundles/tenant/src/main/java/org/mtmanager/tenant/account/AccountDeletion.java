package org.mtmanager.tenant.account;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import javax.persistence.EntityManager;

import org.mtmanager.api.MtmException;
import org.mtmanager.api.job.JobState;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.ApiTokenEntity;
import org.mtmanager.store.entity.EntityChanges;
import org.mtmanager.store.entity.MachineDraftEntity;
import org.mtmanager.store.entity.PlanEntity;
import org.mtmanager.store.entity.PriceListEntity;
import org.mtmanager.store.entity.SessionEntity;
import org.mtmanager.store.entity.UserEntity;
import org.mtmanager.store.entity.WhitelistEntity;

/**
 * What an account owns when it is to be deleted. Whatever lives on without it (child accounts, machines that
 * are not deleted, their jobs, grants, forwarded ports and DID routes, plan changes waiting for a decision, plans
 * that live machines use) must be gone first, or it would be billed, routed or reachable while owned by nobody.
 * What only serves the account (its users with their sessions and API tokens, its whitelist, machine drafts,
 * price list and unused plans) goes with it. The billing history (usage, statements, corrections), deleted
 * machines' rows and the audit trail stay: they are history, kept under the parent's path. Usage of a period
 * whose statement is not closed is not history yet: closing that statement needs the account, so the account
 * stays until it is closed, or its last month would never be billed.
 */
final class AccountDeletion {
    private static final String LIVE_MACHINES = "SELECT m.id FROM MachineEntity m WHERE m.accountId = :id AND m.state <> '"
        + MachineState.DELETED.name() + "'";
    private static final String ALL_MACHINES = "SELECT m.id FROM MachineEntity m WHERE m.accountId = :id";
    private static final String USERS = "SELECT u.id FROM UserEntity u WHERE u.accountId = :id";

    private AccountDeletion() {
    }

    /** Refuses (409) with everything that still lives, each with what to do about it. */
    static void requireEmpty(EntityManager em, AccountEntity a) {
        long id = a.getId();
        List<String> living = new ArrayList<>();
        add(living, count(em, "SELECT COUNT(a) FROM AccountEntity a WHERE a.parentId = :id", id),
            "account(s) below it (delete them first)");
        add(living, count(em, "SELECT COUNT(m) FROM MachineEntity m WHERE m.id IN (" + LIVE_MACHINES + ")", id),
            "machine(s) not deleted (stop and delete them first)");
        add(living, count(em, "SELECT COUNT(j) FROM JobEntity j WHERE j.machineId IN (" + ALL_MACHINES + ") AND j.state IN ('"
            + JobState.QUEUED.name() + "', '" + JobState.RUNNING.name() + "', '" + JobState.WAITING.name() + "')", id),
            "unfinished job(s) (wait for them to end)");
        add(living, count(em, "SELECT COUNT(g) FROM GrantEntity g WHERE g.machineId IN (" + ALL_MACHINES + ")", id),
            "access grant(s) (revoke them)");
        add(living, count(em, "SELECT COUNT(p) FROM PortEntity p WHERE p.machineId IN (" + ALL_MACHINES + ")", id),
            "forwarded external port(s) (they go with their machines)");
        add(living, count(em, "SELECT COUNT(r) FROM DidRouteEntity r WHERE r.machineId IN (" + ALL_MACHINES + ")", id),
            "DID route(s) (delete them)");
        add(living, count(em, "SELECT COUNT(p) FROM PlanChangeEntity p WHERE p.machineId IN (" + ALL_MACHINES
            + ") AND p.state = 'PENDING'", id), "plan change(s) waiting for a decision (approve or reject them)");
        add(living, count(em, "SELECT COUNT(m) FROM MachineEntity m, PlanEntity p WHERE p.ownerAccountId = :id AND m.planId = p.id"
            + " AND m.state <> '" + MachineState.DELETED.name() + "'", id), "live machine(s) elsewhere on its resource plans");
        List<String> refusals = new ArrayList<>();
        if (!living.isEmpty()) {
            refusals.add("still has " + String.join(", ", living));
        }
        SortedSet<YearMonth> unbilled = unbilledPeriods(em, a);
        if (!unbilled.isEmpty()) {
            String periods = String.join(", ", unbilled.stream().map(YearMonth::toString).toList());
            refusals.add(unbilled.size() == 1
                ? "usage of the open period " + periods + " is not billed yet; close its statement first"
                : "usage of the open periods " + periods + " is not billed yet; close their statements first");
        }
        if (!refusals.isEmpty()) {
            throw MtmException.conflict(null, "account " + id + " ('" + a.getName() + "') " + String.join("; ", refusals));
        }
    }

    /** The periods with usage in the account's subtree (its statement's scope) that have no closed statement. */
    private static SortedSet<YearMonth> unbilledPeriods(EntityManager em, AccountEntity a) {
        SortedSet<YearMonth> periods = new TreeSet<>();
        // The ledger's day is the int yyyymmdd.
        for (Integer day : em.createQuery("SELECT DISTINCT u.day FROM UsageEntity u WHERE u.accountPath LIKE :p", Integer.class)
                .setParameter("p", a.getPath() + "%").getResultList()) {
            periods.add(YearMonth.of(day / 10000, day / 100 % 100));
        }
        for (String closed : em.createQuery("SELECT s.period FROM StatementEntity s WHERE s.accountId = :a", String.class)
                .setParameter("a", a.getId()).getResultList()) {
            periods.remove(YearMonth.parse(closed));
        }
        return periods;
    }

    /** Removes what goes with the account, inside the transaction that removes its row. */
    static void removeOwned(EntityManager em, long id) {
        for (String delete : List.of(
                "DELETE FROM ApiTokenEntity t WHERE t.userId IN (" + USERS + ")",
                "DELETE FROM SessionEntity s WHERE s.userId IN (" + USERS + ")",
                "DELETE FROM UserEntity u WHERE u.accountId = :id",
                "DELETE FROM WhitelistEntity w WHERE w.accountId = :id",
                "DELETE FROM MachineDraftEntity d WHERE d.accountId = :id",
                "DELETE FROM PriceListEntity p WHERE p.accountId = :id",
                "DELETE FROM PlanEntity p WHERE p.ownerAccountId = :id")) {
            em.createQuery(delete).setParameter("id", id).executeUpdate();
        }
        EntityChanges.touched(ApiTokenEntity.class, SessionEntity.class, UserEntity.class, WhitelistEntity.class,
            MachineDraftEntity.class, PriceListEntity.class, PlanEntity.class);
    }

    private static long count(EntityManager em, String jpql, long id) {
        return em.createQuery(jpql, Long.class).setParameter("id", id).getSingleResult();
    }

    private static void add(List<String> living, long n, String what) {
        if (n > 0) {
            living.add(n + " " + what);
        }
    }
}
