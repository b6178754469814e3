package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.Role;
import org.mtmanager.api.account.Account;
import org.mtmanager.api.account.AccountDraft;
import org.mtmanager.api.machine.Machine;
import org.mtmanager.api.machine.MachineQuery;
import org.mtmanager.tenant.catalog.PlanServiceImpl;
import org.mtmanager.machine.Infrastructure;
import org.mtmanager.machine.MachineServiceImpl;
import org.mtmanager.machine.MachineTallies;
import org.mtmanager.store.entity.EntityChanges;
import org.mtmanager.store.entity.MachineEntity;

/**
 * The machine list on PostgreSQL (run with -Pbench; prints, asserts nothing about speed): {@code GET
 * /machines?limit=100} with its total, as the REST facade calls the machine service, over 1,000,000 machines, for
 * the platform administrator and for a reseller whose subtree holds a tenth of them. Each variant runs in its own
 * loop, so no variant's cost hides in another's: the first page; pages walked with {@code after} from random
 * positions (target p95 50 ms or less for both); and, for comparison only, random deep offsets. Then the plans
 * (EXPLAIN ANALYZE, BUFFERS) and the time of each statement a page runs. The rows are loaded with COPY, which
 * fires the tally's triggers as any write does; the tally is then folded, as each node does every minute.
 */
public class PostgresListBench {
    static final int MACHINES = Integer.getInteger("mtm.bench.pgMachines", 1_000_000);
    static final int RESELLERS = 10;
    static final int CUSTOMERS = 10;
    static final int SAMPLES = Integer.getInteger("mtm.bench.samples", 300);
    private static final int LIMIT = 100;
    private static final MachineQuery ALL = new MachineQuery(null, null, null);

    @Test
    public void list() throws Exception {
        try (PostgresPlatform p = new PostgresPlatform(Path.of("target", "pg-list-bench-" + System.nanoTime()))) {
            List<Account> customers = new ArrayList<>();
            List<Account> resellers = new ArrayList<>();
            for (int r = 0; r < RESELLERS; r++) {
                Account reseller = p.accounts.create(p.admin, new AccountDraft(null, "reseller", "bench-reseller-" + r, null));
                resellers.add(reseller);
                for (int c = 0; c < CUSTOMERS; c++) {
                    customers.add(p.accounts.create(p.admin, new AccountDraft(reseller.id(), "customer", "bench-customer-" + r + "-" + c, null)));
                }
            }
            long t0 = System.nanoTime();
            try (Connection c = p.jdbc()) {
                seed(c, customers.stream().map(a -> new long[] {a.id()}).toList(), paths(c, customers));
            }
            double loaded = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            int folded = MachineTallies.fold(p.store);
            double fold = (System.nanoTime() - t0) / 1e9;
            try (Connection c = p.jdbc()) {
                // What autovacuum does after a bulk load: statistics, and the visibility map for index-only scans.
                c.createStatement().execute("VACUUM ANALYZE");
                // Written out now, so that the load's checkpoint does not run during the first samples.
                c.createStatement().execute("CHECKPOINT");
            }
            report("loaded", MACHINES + " machines over " + customers.size() + " customers of " + RESELLERS
                + " resellers with COPY (tally triggers firing) in " + String.format("%.1f s", loaded) + "; tally folded ("
                + folded + " keys) in " + String.format("%.1f s", fold) + "; VACUUM ANALYZE, CHECKPOINT"
                + (PostgresPlatform.POOLED ? "; connections pooled" : "; a new connection per call"));

            // The list needs neither hosts nor jobs: no driver is present, so every machine shows driverAvailable false.
            MachineServiceImpl machines = new MachineServiceImpl(p.store, p.audit, new PlanServiceImpl(p.store, p.audit),
                new Infrastructure(), null);
            Account first = resellers.get(0);
            String firstPath;
            try (Connection c = p.jdbc()) {
                firstPath = paths(c, List.of(first)).get(0);
            }
            Caller reseller = new Caller(0, "bench-reseller-admin", first.id(), firstPath, Role.RESELLER_ADMIN,
                "127.0.0.1", Channel.REST);
            measure(machines, p.admin, "platform administrator", MACHINES);
            measure(machines, reseller, "reseller (a tenth of them in its subtree)", MACHINES / RESELLERS);
            try (Connection c = p.jdbc()) {
                profile(c, null, "platform administrator");
                profile(c, firstPath, "reseller");
            }
        }
    }

    private static void measure(MachineServiceImpl machines, Caller caller, String who, long expected) {
        Random random = new Random(42);
        String what = "GET /machines?limit=100 with total on PostgreSQL, " + who + ", " + expected + " of " + MACHINES + " machines";
        // A warm server: the JIT has compiled the list's path, the database has its pages cached.
        Page<Machine> warm = machines.list(caller, ALL, PageRequest.first(LIMIT));
        for (int i = 0; i < 200; i++) {
            warm = machines.list(caller, ALL, warm.next() == null || i % 20 == 0 ? PageRequest.first(LIMIT) : PageRequest.after(warm.next(), LIMIT));
        }
        List<Double> firstPage = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            firstPage.add(timed(machines, caller, PageRequest.first(LIMIT), expected));
        }
        report(what + ", first page", stats(firstPage) + " (target p95 <= 50 ms)");
        List<Double> remembered = new ArrayList<>();
        machines.list(caller, ALL, PageRequest.first(LIMIT));
        for (int i = 0; i < SAMPLES; i++) {
            long s = System.nanoTime();
            machines.list(caller, ALL, PageRequest.first(LIMIT));
            remembered.add((System.nanoTime() - s) / 1e6);
        }
        report(what + ", first page again with no write in between (the page the node remembers; for comparison)",
            stats(remembered));

        // A client walking from anywhere: a random page by offset gives a cursor, then ten pages follow with after.
        long lastId = machines.list(caller, ALL, new PageRequest((int) expected - 1, 1)).items().get(0).id();
        List<Double> walked = new ArrayList<>();
        while (walked.size() < SAMPLES) {
            long cursor = random.nextLong(lastId - 20L * LIMIT * RESELLERS);
            for (int page = 0; page < 10 && walked.size() < SAMPLES; page++) {
                EntityChanges.touched(MachineEntity.class); // see timed()
                long s = System.nanoTime();
                Page<Machine> got = machines.list(caller, ALL, PageRequest.after(cursor, LIMIT));
                walked.add((System.nanoTime() - s) / 1e6);
                assertEquals(expected, got.total());
                assertEquals(LIMIT, got.items().size());
                cursor = got.next();
            }
        }
        report(what + ", pages walked with after= from random positions", stats(walked) + " (target p95 <= 50 ms)");

        List<Double> deep = new ArrayList<>();
        for (int i = 0; i < Math.max(20, SAMPLES / 10); i++) {
            deep.add(timed(machines, caller, new PageRequest(random.nextInt((int) expected - LIMIT), LIMIT), expected));
        }
        report(what + ", random offset (costs O(offset); for comparison, no target)", stats(deep));
    }

    /**
     * One page as if another node had just written a machine: the node forgets the pages and views it remembers and
     * reads the database, which is what this benchmark measures.
     */
    private static double timed(MachineServiceImpl machines, Caller caller, PageRequest request, long expected) {
        EntityChanges.touched(MachineEntity.class);
        long s = System.nanoTime();
        Page<Machine> page = machines.list(caller, ALL, request);
        double ms = (System.nanoTime() - s) / 1e6;
        assertEquals(expected, page.total());
        assertEquals(LIMIT, page.items().size());
        return ms;
    }

    /**
     * The statements of one page, as OpenJPA sends them: the total from the tally, the ids of a first page, of a
     * page after a cursor in the middle, of a page at a deep offset, and the rows of a page; and COUNT(*), the
     * total before the tally. Each with its plan and its median over 20 runs.
     *
     * @param path the subtree, or null for every machine
     */
    private static void profile(Connection c, String path, String who) throws SQLException {
        String scope = path == null ? "" : "ACCOUNTPATH LIKE '" + path + "%' AND ";
        long middle;
        try (var rs = c.createStatement().executeQuery("SELECT ID FROM MTM_MACHINE WHERE " + scope + "STATE <> 'DELETED' ORDER BY ID OFFSET "
            + (path == null ? MACHINES : MACHINES / RESELLERS) / 2 + " LIMIT 1")) {
            rs.next();
            middle = rs.getLong(1);
        }
        String ids;
        try (var rs = c.createStatement().executeQuery("SELECT string_agg(ID::text, ',') FROM (SELECT ID FROM MTM_MACHINE WHERE "
            + scope + "STATE <> 'DELETED' AND ID > " + middle + " ORDER BY ID LIMIT " + LIMIT + ") x")) {
            rs.next();
            ids = rs.getString(1);
        }
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("total from the tally", "SELECT COALESCE(SUM(MACHINES), 0) FROM MTM_MACHINE_TALLY WHERE STATE <> 'DELETED'"
            + (path == null ? "" : " AND ACCOUNTPATH LIKE '" + path + "%'"));
        statements.put("first page's ids", "SELECT ID FROM MTM_MACHINE WHERE " + scope + "STATE <> 'DELETED' ORDER BY ID LIMIT " + (LIMIT + 1));
        statements.put("ids after a cursor in the middle", "SELECT ID FROM MTM_MACHINE WHERE " + scope + "STATE <> 'DELETED' AND ID > "
            + middle + " ORDER BY ID LIMIT " + (LIMIT + 1));
        statements.put("ids at the middle's offset", "SELECT ID FROM MTM_MACHINE WHERE " + scope + "STATE <> 'DELETED' ORDER BY ID OFFSET "
            + (path == null ? MACHINES : MACHINES / RESELLERS) / 2 + " LIMIT " + (LIMIT + 1));
        statements.put("the page's rows", "SELECT * FROM MTM_MACHINE WHERE ID IN (" + ids + ")");
        statements.put("COUNT(*), the total before the tally", "SELECT COUNT(ID) FROM MTM_MACHINE WHERE " + scope + "STATE <> 'DELETED'");
        for (Map.Entry<String, String> e : statements.entrySet()) {
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long s = System.nanoTime();
                try (var rs = c.createStatement().executeQuery(e.getValue())) {
                    while (rs.next()) {
                        rs.getObject(1);
                    }
                }
                ms.add((System.nanoTime() - s) / 1e6);
            }
            report("statement, " + who + ", " + e.getKey(), stats(ms) + PostgresPlatform.explain(c, e.getValue()));
        }
    }

    /** The accounts' paths, in their order. */
    static List<String> paths(Connection c, List<Account> accounts) throws SQLException {
        List<String> out = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT PATH FROM MTM_ACCOUNT WHERE ID = ?")) {
            for (Account a : accounts) {
                ps.setLong(1, a.id());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static String stats(List<Double> samples) {
        List<Double> s = new ArrayList<>(samples);
        Collections.sort(s);
        return String.format("p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d samples)", s.get(s.size() / 2),
            s.get((int) (s.size() * 0.95)), s.get(s.size() - 1), s.size());
    }

    /** Machine rows as OpenJPA maps MachineEntity, spread evenly over the customers. */
    private static void seed(Connection c, List<long[]> customers, List<String> paths) throws Exception {
        String columns = "SERIAL, HOSTNAME, DISPLAYNAME, ACCOUNTID, ACCOUNTPATH, COMPANY, CONTACT, EMAIL, PHONE, ADDRESS, "
            + "TAXID, PLANID, HOST, DRIVERTYPE, INTERNALIP, PBXVERSION, EXTENSIONS, TENANTS, LINES, STATE, CREATEDAT, "
            + "UPDATEDAT, VERSION";
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < MACHINES; i++) {
            long account = customers.get(i % customers.size())[0];
            String path = paths.get(i % customers.size());
            csv.append(String.format("PG%010d", i)).append(",seed-").append(i).append(",Seed ").append(i).append(',')
                .append(account).append(',').append(path).append(",Bench SL,Eva,eva@example.com,+34 600 000 000,Calle 4,B4,1,"
                    + "elsewhere,libvirt,10.").append(i >> 16 & 255).append('.').append(i >> 8 & 255).append('.')
                .append(i & 255).append(",16.2,10,1,0,").append(i % 10 == 0 ? "STOPPED" : "RUNNING")
                .append(",2030-01-01 00:00:00,2030-01-01 00:00:00,1\n");
            if (csv.length() > 8_000_000) {
                PostgresPlatform.copy(c, "MTM_MACHINE", columns, csv);
                csv.setLength(0);
            }
        }
        PostgresPlatform.copy(c, "MTM_MACHINE", columns, csv);
    }

    private static void report(String what, String value) {
        System.out.println("BENCH | " + what + " | " + value);
    }
}
