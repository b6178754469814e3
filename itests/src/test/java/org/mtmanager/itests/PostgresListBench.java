package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
import org.mtmanager.core.catalog.PlanServiceImpl;
import org.mtmanager.core.machine.Infrastructure;
import org.mtmanager.core.machine.MachineServiceImpl;

/**
 * The machine list on PostgreSQL (run with -Pbench; prints, asserts nothing about speed): {@code GET
 * /machines?limit=100} with its total, as the REST facade calls the machine service, over 1,000,000 machines, for
 * the platform administrator and for a reseller whose subtree holds a tenth of them; random offsets; p50 and p95
 * (target p95 50 ms or less). The rows are loaded with COPY.
 */
public class PostgresListBench {
    static final int MACHINES = Integer.getInteger("mtm.bench.pgMachines", 1_000_000);
    static final int RESELLERS = 10;
    static final int CUSTOMERS = 10;
    static final int SAMPLES = Integer.getInteger("mtm.bench.samples", 300);

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
                c.createStatement().execute("ANALYZE");
            }
            report("loaded", MACHINES + " machines over " + customers.size() + " customers of " + RESELLERS
                + " resellers with COPY (and ANALYZE) in " + String.format("%.1f s", (System.nanoTime() - t0) / 1e9)
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
            measure(p, machines, p.admin, "platform administrator", MACHINES);
            measure(p, machines, reseller, "reseller (a tenth of them in its subtree)", MACHINES / RESELLERS);
            try (Connection c = p.jdbc()) {
                report("plan of the reseller's count", PostgresPlatform.explain(c, "SELECT COUNT(ID) FROM MTM_MACHINE WHERE "
                    + "ACCOUNTPATH LIKE '" + firstPath + "%' AND STATE <> 'DELETED'"));
            }
        }
    }

    private static void measure(PostgresPlatform p, MachineServiceImpl machines, Caller caller, String who, long expected) {
        Random random = new Random(42);
        MachineQuery all = new MachineQuery(null, null, null);
        for (int i = 0; i < 30; i++) {
            machines.list(caller, all, new PageRequest(random.nextInt((int) expected - 100), 100));
        }
        List<Double> ms = new ArrayList<>();
        List<Double> firstPage = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            long s = System.nanoTime();
            Page<Machine> page = machines.list(caller, all, new PageRequest(random.nextInt((int) expected - 100), 100));
            ms.add((System.nanoTime() - s) / 1e6);
            assertEquals(expected, page.total());
            assertEquals(100, page.items().size());
            s = System.nanoTime();
            machines.list(caller, all, new PageRequest(0, 100));
            firstPage.add((System.nanoTime() - s) / 1e6);
        }
        report("GET /machines?limit=100 with total on PostgreSQL, " + who + ", " + expected + " of " + MACHINES
            + " machines, random offset", stats(ms) + " (target p95 <= 50 ms)");
        report("the same, first page", stats(firstPage));
    }

    /** The accounts' paths, in their order. */
    static List<String> paths(Connection c, List<Account> accounts) throws java.sql.SQLException {
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
