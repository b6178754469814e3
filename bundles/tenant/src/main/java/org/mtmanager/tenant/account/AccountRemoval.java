package org.mtmanager.tenant.account;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import org.mtmanager.api.MtmException;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.ApiTokenEntity;
import org.mtmanager.store.entity.EntityChanges;
import org.mtmanager.store.entity.PlanEntity;
import org.mtmanager.store.entity.SessionEntity;
import org.mtmanager.store.entity.UserEntity;
import org.mtmanager.store.entity.WhitelistEntity;
import org.mtmanager.tenant.deletion.AccountDeletion;

/**
 * What an account owns when it is to be deleted. Whatever lives on without it must be gone first, or it would be
 * billed, routed or reachable while owned by nobody: of the tenant model, its child accounts; of the domains above,
 * what their deletion steps name (machines that are not deleted, their jobs, grants, ports and DID routes, plan
 * changes waiting for a decision, usage not billed yet). What only serves the account goes with it: of the tenant
 * model, its users with their sessions and API tokens, its whitelist and its resource plans; of the domains above,
 * what their steps release. History (the audit trail, deleted machines' rows, usage and statements) stays.
 */
final class AccountRemoval {
    private static final String USERS = "SELECT u.id FROM UserEntity u WHERE u.accountId = :id";

    private AccountRemoval() {
    }

    /** Refuses (409) with everything that still lives, each with what to do about it. */
    static void requireEmpty(EntityManager em, AccountEntity a, List<AccountDeletion> steps) {
        List<String> living = new ArrayList<>();
        long children = em.createQuery("SELECT COUNT(a) FROM AccountEntity a WHERE a.parentId = :id", Long.class)
            .setParameter("id", a.getId()).getSingleResult();
        if (children > 0) {
            living.add(children + " account(s) below it (delete them first)");
        }
        for (AccountDeletion step : steps) {
            living.addAll(step.living(em, a));
        }
        if (!living.isEmpty()) {
            throw MtmException.conflict(null, "account " + a.getId() + " ('" + a.getName() + "') still has "
                + String.join(", ", living));
        }
    }

    /** Removes what goes with the account, inside the transaction that removes its row: the steps' part first. */
    static void removeOwned(EntityManager em, AccountEntity a, List<AccountDeletion> steps) {
        for (AccountDeletion step : steps) {
            step.release(em, a);
        }
        for (String delete : List.of(
                "DELETE FROM ApiTokenEntity t WHERE t.userId IN (" + USERS + ")",
                "DELETE FROM SessionEntity s WHERE s.userId IN (" + USERS + ")",
                "DELETE FROM UserEntity u WHERE u.accountId = :id",
                "DELETE FROM WhitelistEntity w WHERE w.accountId = :id",
                "DELETE FROM PlanEntity p WHERE p.ownerAccountId = :id")) {
            em.createQuery(delete).setParameter("id", a.getId()).executeUpdate();
        }
        EntityChanges.touched(ApiTokenEntity.class, SessionEntity.class, UserEntity.class, WhitelistEntity.class, PlanEntity.class);
    }
}
