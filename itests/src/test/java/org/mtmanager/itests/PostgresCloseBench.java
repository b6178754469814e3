package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.mtmanager.api.account.Account;
import org.mtmanager.api.account.AccountDraft;
import org.mtmanager.api.billing.PriceListDraft;
import org.mtmanager.api.billing.Statement;
import org.mtmanager.billing.BillingServiceImpl;
import org.mtmanager.billing.UsageLedger;

/**
 * A month's close on PostgreSQL (run with -Pbench; prints, asserts nothing about speed): 100,000 machines x 31
 * daily ledger records, closed as {@code POST /statements/{account}/{period}/close} closes it (the billing service:
 * rating 3,100,000 records and storing 100,000 lines); target 30 s or less. Machines and ledger records are loaded
 * with COPY, and every day up to yesterday is marked recorded, so the close rates exactly that month.
 */
public class PostgresCloseBench {
    static final int MACHINES = Integer.getInteger("mtm.bench.pgBillingMachines", 100_000);

    @Test
    public void monthClose() throws Exception {
        YearMonth month = BillingBench.latestEnded31DayMonth();
        try (PostgresPlatform p = new PostgresPlatform(Path.of("target", "pg-close-bench-" + System.nanoTime()))) {
            Account operator = p.accounts.create(p.admin, new AccountDraft(null, "operator", "bench-operator", null));
            UsageLedger ledger = new UsageLedger(p.store, Clock.systemUTC());
            BillingServiceImpl billing = new BillingServiceImpl(p.store, p.audit, ledger);
            billing.setPriceList(p.admin, operator.id(), new PriceListDraft("EUR", "PRO_RATA", Map.of("USER", new BigDecimal("2.5"))));
            long t0 = System.nanoTime();
            try (Connection c = p.jdbc()) {
                seed(c, operator.id(), PostgresListBench.paths(c, List.of(operator)).get(0), month);
                c.createStatement().execute("ANALYZE");
            }
            report("loaded", MACHINES + " machines and " + (long) MACHINES * month.lengthOfMonth() + " ledger records with "
                + "COPY (and ANALYZE) in " + String.format("%.1f s", (System.nanoTime() - t0) / 1e9));

            long t = System.nanoTime();
            Statement s = billing.close(p.admin, operator.id(), month.toString());
            long ms = (System.nanoTime() - t) / 1_000_000;
            assertEquals(MACHINES, s.lineCount());
            report("month close on PostgreSQL, " + MACHINES + " machines x " + month.lengthOfMonth() + " days (" + month + ")",
                ms + " ms (target <= 30000 ms); " + s.lineCount() + " lines, total " + s.total() + " " + s.currency());
            t = System.nanoTime();
            billing.close(p.admin, operator.id(), month.toString());
            report("closing it again (reads the stored statement)", (System.nanoTime() - t) / 1_000_000 + " ms");
        }
    }

    /** Machines, their ledger records (as OpenJPA maps UsageEntity) and the recorded days. */
    private static void seed(Connection c, long operator, String path, YearMonth month) throws Exception {
        String created = month.minusMonths(2).atDay(1) + " 00:00:00";
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < MACHINES; i++) {
            csv.append(String.format("PB%010d", i)).append(",bill-").append(i).append(",Bill ").append(i).append(',')
                .append(operator).append(',').append(path).append(",1,elsewhere,libvirt,10.").append(i >> 16 & 255)
                .append('.').append(i >> 8 & 255).append('.').append(i & 255).append(",16.2,10,0,0,RUNNING,")
                .append(created).append(',').append(created).append(",1\n");
        }
        PostgresPlatform.copy(c, "MTM_MACHINE", "SERIAL, HOSTNAME, DISPLAYNAME, ACCOUNTID, ACCOUNTPATH, PLANID, HOST, "
            + "DRIVERTYPE, INTERNALIP, PBXVERSION, EXTENSIONS, TENANTS, LINES, STATE, CREATEDAT, UPDATEDAT, VERSION", csv);
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT ID FROM MTM_MACHINE WHERE SERIAL LIKE 'PB%' ORDER BY ID")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        String now = LocalDate.now(ZoneOffset.UTC) + " 00:00:00";
        String columns = "MACHINEID, USAGE_DAY, ACCOUNTID, ACCOUNTPATH, SERIAL, HOSTNAME, PLANID, EXTENSIONS, TENANTS, "
            + "APPSPERMACHINE, APPSPERUSER, LIVESECONDS, RECORDEDAT";
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            csv.setLength(0);
            int day = month.getYear() * 10000 + month.getMonthValue() * 100 + d;
            for (int i = 0; i < ids.size(); i++) {
                csv.append(ids.get(i)).append(',').append(day).append(',').append(operator).append(',').append(path)
                    .append(',').append(String.format("PB%010d", i)).append(",bill-").append(i).append(",1,10,0,0,0,86400,")
                    .append(now).append('\n');
            }
            PostgresPlatform.copy(c, "MTM_USAGE", columns, csv);
        }
        // Every day from the month to yesterday counts as recorded, so the close's catch-up has nothing to do.
        try (PreparedStatement done = c.prepareStatement("INSERT INTO MTM_USAGE_DAY (USAGE_DAY, MACHINES, RECORDEDAT) "
                + "VALUES (?, ?, CURRENT_TIMESTAMP)")) {
            for (LocalDate day = month.atDay(1); day.isBefore(LocalDate.now(ZoneOffset.UTC)); day = day.plusDays(1)) {
                done.setInt(1, day.getYear() * 10000 + day.getMonthValue() * 100 + day.getDayOfMonth());
                done.setInt(2, MACHINES);
                done.addBatch();
            }
            done.executeBatch();
        }
    }

    private static void report(String what, String value) {
        System.out.println("BENCH | " + what + " | " + value);
    }
}
