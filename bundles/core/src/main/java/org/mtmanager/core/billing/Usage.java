package org.mtmanager.core.billing;

import java.time.YearMonth;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.mtmanager.api.billing.UsageDay;

/** Reads the ledger of a subtree (every account path under {@code path}) for one period, as plain values. */
final class Usage {
    private static final String COLUMNS = "SELECT u.day, u.machineId, u.serial, u.hostname, u.accountId, u.extensions, "
        + "u.tenants, u.appsPerMachine, u.appsPerUser, u.liveSeconds FROM UsageEntity u ";
    private static final String WHERE = "WHERE u.accountPath LIKE :p AND u.day BETWEEN :from AND :to";

    private Usage() {
    }

    static List<UsageDay> all(EntityManager em, String path, YearMonth period) {
        return query(em, COLUMNS + WHERE + " ORDER BY u.machineId, u.day", path, period).getResultList().stream()
            .map(Usage::day).toList();
    }

    static List<UsageDay> page(EntityManager em, String path, YearMonth period, int offset, int limit) {
        return query(em, COLUMNS + WHERE + " ORDER BY u.day, u.machineId", path, period)
            .setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(Usage::day).toList();
    }

    static long count(EntityManager em, String path, YearMonth period) {
        return em.createQuery("SELECT COUNT(u.id) FROM UsageEntity u " + WHERE, Long.class)
            .setParameter("p", path + "%").setParameter("from", Periods.first(period))
            .setParameter("to", Periods.last(period)).getSingleResult();
    }

    private static TypedQuery<Object[]> query(EntityManager em, String jpql, String path, YearMonth period) {
        return em.createQuery(jpql, Object[].class).setParameter("p", path + "%")
            .setParameter("from", Periods.first(period)).setParameter("to", Periods.last(period));
    }

    private static UsageDay day(Object[] r) {
        return new UsageDay(Periods.date((Integer) r[0]).toString(), (Long) r[1], (String) r[2], (String) r[3], (Long) r[4],
            (Integer) r[5], (Integer) r[6], (Integer) r[7], (Integer) r[8], (Integer) r[9]);
    }

    static final String[] CSV_HEADER = {"day", "machine_id", "serial", "hostname", "account_id", "extensions", "tenants",
        "apps_per_machine", "apps_per_user", "live_seconds"};

    static Object[] csv(UsageDay u) {
        return new Object[] {u.day(), u.machineId(), u.serial(), u.hostname(), u.accountId(), u.extensions(), u.tenants(),
            u.appsPerMachine(), u.appsPerUser(), u.liveSeconds()};
    }
}
