package org.mtmanager.billing;

import java.time.YearMonth;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.mtmanager.api.billing.Licence;
import org.mtmanager.api.billing.UsageDay;

/** Reads the ledger of a subtree (every account path under {@code path}) for one period, as plain values. */
final class Usage {
    private static final String COLUMNS = "SELECT u.day, u.machineId, u.serial, u.hostname, u.accountId, u.extensions, "
        + "u.tenants, u.appsPerMachine, u.appsPerUser, u.liveSeconds FROM UsageEntity u ";
    private static final String WHERE = "WHERE u.accountPath LIKE :p AND u.day BETWEEN :from AND :to";

    private Usage() {
    }

    /**
     * Each machine's records of the period summed by the database, by machine: the rating needs only these sums,
     * and a month of a large subtree holds millions of records. Native SQL, since JPQL has no cast: a product of
     * quantities and seconds overflows an INT. The columns follow {@link Licence}'s order, as {@code quantity} does.
     */
    static List<Rating.MachineUsage> totals(EntityManager em, String path, YearMonth period) {
        String sums = "SUM(CAST(EXTENSIONS AS BIGINT) * LIVESECONDS) AS S0, MAX(EXTENSIONS) AS P0, "
            + "SUM(CAST(TENANTS AS BIGINT) * LIVESECONDS) AS S1, MAX(TENANTS) AS P1, "
            + "SUM(CAST(APPSPERMACHINE AS BIGINT) * LIVESECONDS) AS S2, MAX(APPSPERMACHINE) AS P2, "
            + "SUM(CAST(APPSPERUSER AS BIGINT) * EXTENSIONS * LIVESECONDS) AS S3, MAX(APPSPERUSER * EXTENSIONS) AS P3";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.MACHINEID, u.SERIAL, u.HOSTNAME, a.S0, a.P0, a.S1, a.P1, a.S2, "
                + "a.P2, a.S3, a.P3 FROM (SELECT MACHINEID, MAX(USAGE_DAY) AS LASTDAY, " + sums + " FROM MTM_USAGE "
                + "WHERE ACCOUNTPATH LIKE ? AND USAGE_DAY BETWEEN ? AND ? GROUP BY MACHINEID) a "
                + "JOIN MTM_USAGE u ON u.MACHINEID = a.MACHINEID AND u.USAGE_DAY = a.LASTDAY ORDER BY a.MACHINEID")
            .setParameter(1, path + "%").setParameter(2, Periods.first(period)).setParameter(3, Periods.last(period))
            .getResultList();
        int licences = Licence.values().length;
        return rows.stream().map(r -> {
            long[] seconds = new long[licences];
            int[] peaks = new int[licences];
            for (int i = 0; i < licences; i++) {
                seconds[i] = ((Number) r[3 + 2 * i]).longValue();
                peaks[i] = ((Number) r[4 + 2 * i]).intValue();
            }
            return new Rating.MachineUsage(((Number) r[0]).longValue(), (String) r[1], (String) r[2], seconds, peaks);
        }).toList();
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
