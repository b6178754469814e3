package org.mtmanager.billing;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.mtmanager.api.app.LicenceType;
import org.mtmanager.api.billing.ActiveUsersReport;
import org.mtmanager.api.billing.MachineLicences;

/** The machine inventory of a subtree with licence counts, and the active-users report built on it. */
final class Reports {

    private Reports() {
    }

    static List<MachineLicences> inventory(EntityManager em, String path) {
        Map<Long, int[]> apps = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT a.machineId, p.licenceType, COUNT(a.id) FROM MachineAppEntity a, "
                + "AppEntity p, MachineEntity m WHERE a.appKey = p.key AND m.id = a.machineId AND m.accountPath LIKE :p "
                + "AND m.state <> 'DELETED' GROUP BY a.machineId, p.licenceType", Object[].class)
            .setParameter("p", path + "%").getResultList()) {
            apps.computeIfAbsent((Long) r[0], k -> new int[2])[LicenceType.PER_USER.name().equals(r[1]) ? 1 : 0] =
                ((Number) r[2]).intValue();
        }
        return em.createQuery("SELECT m.id, m.serial, m.hostname, m.accountId, m.state, m.extensions, m.tenants "
                + "FROM MachineEntity m WHERE m.accountPath LIKE :p AND m.state <> 'DELETED' ORDER BY m.id", Object[].class)
            .setParameter("p", path + "%").getResultList().stream()
            .map(r -> {
                int[] a = apps.getOrDefault((Long) r[0], new int[2]);
                return new MachineLicences((Long) r[0], (String) r[1], (String) r[2], (Long) r[3], (String) r[4],
                    (Integer) r[5], (Integer) r[6], a[0], a[1]);
            }).toList();
    }

    static ActiveUsersReport activeUsers(EntityManager em, long accountId, String path, Instant now) {
        List<MachineLicences> machines = inventory(em, path);
        return new ActiveUsersReport(accountId, now, machines.size(),
            machines.stream().mapToLong(MachineLicences::extensions).sum(),
            machines.stream().mapToLong(MachineLicences::tenants).sum(), machines);
    }

    static String csv(ActiveUsersReport r) {
        Csv csv = new Csv("account_id", "machine_id", "serial", "hostname", "state", "extensions", "tenants",
            "apps_per_machine", "apps_per_user");
        csv.rows(r.machines(), m -> new Object[] {m.accountId(), m.machineId(), m.serial(), m.hostname(), m.state(),
            m.extensions(), m.tenants(), m.appsPerMachine(), m.appsPerUser()});
        csv.row(r.accountId(), "TOTAL", null, null, null, r.extensions(), r.tenants(), null, null);
        return csv.toString();
    }
}
