package org.mtmanager.billing;

import java.time.YearMonth;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import javax.persistence.EntityManager;

import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.EntityChanges;
import org.mtmanager.store.entity.PriceListEntity;
import org.mtmanager.tenant.deletion.AccountDeletion;
import org.mtmanager.tenant.deletion.AccountDeletionStep;
import org.osgi.service.component.annotations.Component;

/**
 * Billing's part in deleting an account. Usage of a period whose statement is not closed is not history yet: closing
 * that statement needs the account, so the account stays until it is closed, or its last month would never be
 * billed. Its price list goes with it; its usage, statements and corrections stay as history.
 */
@Component
@AccountDeletionStep("billing")
public class BillingAccountDeletion implements AccountDeletion {

    @Override
    public List<String> living(EntityManager em, AccountEntity account) {
        SortedSet<YearMonth> unbilled = unbilledPeriods(em, account);
        if (unbilled.isEmpty()) {
            return List.of();
        }
        String periods = String.join(", ", unbilled.stream().map(YearMonth::toString).toList());
        return List.of(unbilled.size() == 1
            ? "usage of the open period " + periods + " not billed yet (close its statement first)"
            : "usage of the open periods " + periods + " not billed yet (close their statements first)");
    }

    @Override
    public void release(EntityManager em, AccountEntity account) {
        em.createQuery("DELETE FROM PriceListEntity p WHERE p.accountId = :id").setParameter("id", account.getId()).executeUpdate();
        EntityChanges.touched(PriceListEntity.class);
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
}
