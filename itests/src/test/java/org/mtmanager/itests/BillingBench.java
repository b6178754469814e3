package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.mtmanager.itests.ProcessTestSupport.API;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Billing benchmark (run with -Pbench; prints, asserts nothing about speed):
 * <ul>
 * <li>month close of 10,000 machines x 31 daily ledger records on Derby (POST .../close, the server's whole
 * work: rating 310,000 records and storing 10,000 lines); target 10 s or less;</li>
 * <li>reading that 10,000-line statement over REST (JSON) and SOAP: median and slowest of a few reads, and size.</li>
 * </ul>
 * Machines and ledger records are written by JDBC into the stopped distribution's database (as if the ledger had
 * run every night), and every day up to yesterday is marked recorded, so the close rates exactly that month.
 */
public class BillingBench {
    static final int MACHINES = Integer.getInteger("mtm.bench.billingMachines", 10_000);
    static final int READS = Integer.getInteger("mtm.bench.statementReads", 5);

    @Test
    public void monthClose() throws Exception {
        YearMonth month = latestEnded31DayMonth();
        try (Distribution d = Distribution.unpack("billing-bench")) {
            // No machines run here: the benchmark needs neither the container host nor the scheduled ledger.
            Files.deleteIfExists(d.home().resolve("etc/org.mtmanager.host-local.cfg"));
            Distribution.set(d.home().resolve("etc/org.mtmanager.billing.cfg"), "intervalMinutes", "0");
            d.start();
            d.awaitRest(Duration.ofMinutes(3));
            Http admin = d.admin();
            long operator = admin.post(API + "/accounts", Map.of("type", "operator", "name", "bench-operator")).json()
                .get("id").asLong();
            JsonNode prices = admin.put(API + "/price-lists/" + operator, Map.of("currency", "EUR", "ratingMode", "PRO_RATA",
                "prices", Map.of("USER", 2.5))).json();
            assertEquals(prices.toString(), "EUR", prices.get("currency").asText());
            admin.post(API + "/usage/record", Map.of());
            d.stop();

            seed(d.home().resolve("data/mtm/db"), operator, month);

            d.start();
            d.awaitRest(Duration.ofMinutes(3));
            Http platform = d.admin();
            long t0 = System.nanoTime();
            Http.Response closed = platform.post(API + "/statements/" + operator + "/" + month + "/close", Map.of());
            long closeMs = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(closed.status() + " " + closed.body().substring(0, Math.min(300, closed.body().length())), 200, closed.status());
            JsonNode s = closed.json();
            report("month close, " + MACHINES + " machines x " + month.lengthOfMonth() + " days (" + month + ")",
                closeMs + " ms (target <= 10000 ms); " + s.get("lineCount").asInt() + " lines, total " + s.get("total").asText()
                    + " " + s.get("currency").asText());
            long againMs = time(() -> platform.post(API + "/statements/" + operator + "/" + month + "/close", Map.of()));
            report("closing it again (idempotent, reads the stored statement)", againMs + " ms");

            List<Long> rest = new ArrayList<>();
            int restBytes = 0;
            for (int i = 0; i < READS; i++) {
                long t = System.nanoTime();
                Http.Response r = platform.get(API + "/statements/" + operator + "/" + month);
                rest.add((System.nanoTime() - t) / 1_000_000);
                restBytes = r.body().length();
            }
            report("REST GET of the " + s.get("lineCount").asInt() + "-line statement (" + READS + " reads)",
                "median " + median(rest) + " ms, slowest " + rest.stream().mapToLong(x -> x).max().orElse(0) + " ms, "
                    + restBytes / 1024 + " KiB");

            Http soap = new Http(d.httpPort(), null, null, "127.0.0.1");
            String envelope = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:b=\"urn:mtmanager:soap:billing:v1\">"
                + "<s:Header><wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
                + "<wsse:UsernameToken><wsse:Username>admin</wsse:Username><wsse:Password>" + d.adminPassword()
                + "</wsse:Password></wsse:UsernameToken></wsse:Security></s:Header><s:Body><b:getStatement><b:accountId>"
                + operator + "</b:accountId><b:period>" + month + "</b:period></b:getStatement></s:Body></s:Envelope>";
            List<Long> soapMs = new ArrayList<>();
            int soapBytes = 0;
            for (int i = 0; i < READS; i++) {
                long t = System.nanoTime();
                Http.Response r = soap.send("POST", "/mtm/soap/BillingService", "text/xml; charset=UTF-8", envelope);
                soapMs.add((System.nanoTime() - t) / 1_000_000);
                assertEquals(r.body().substring(0, Math.min(300, r.body().length())), 200, r.status());
                soapBytes = r.body().length();
            }
            report("SOAP getStatement of the same statement (" + READS + " reads)", "median " + median(soapMs)
                + " ms, slowest " + soapMs.stream().mapToLong(x -> x).max().orElse(0) + " ms, " + soapBytes / 1024 + " KiB");
        }
    }

    /** The most recent month of 31 days that has ended. */
    static YearMonth latestEnded31DayMonth() {
        YearMonth m = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        while (m.lengthOfMonth() != 31) {
            m = m.minusMonths(1);
        }
        return m;
    }

    private static void seed(Path db, long operator, YearMonth month) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + db)) {
            c.setAutoCommit(false);
            String path;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT PATH FROM MTM_ACCOUNT WHERE ID = " + operator)) {
                rs.next();
                path = rs.getString(1);
            }
            Timestamp created = Timestamp.from(month.minusMonths(2).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            try (PreparedStatement m = c.prepareStatement("INSERT INTO MTM_MACHINE (SERIAL, HOSTNAME, DISPLAYNAME, ACCOUNTID, "
                + "ACCOUNTPATH, PLANID, HOST, DRIVERTYPE, INTERNALIP, PBXVERSION, EXTENSIONS, TENANTS, STATE, CREATEDAT, UPDATEDAT, "
                + "VERSION) VALUES (?, ?, ?, ?, ?, 1, 'elsewhere', 'libvirt', ?, '16.2', 10, 0, 'RUNNING', ?, ?, 1)")) {
                for (int i = 0; i < MACHINES; i++) {
                    m.setString(1, String.format("BB%010d", i));
                    m.setString(2, "bill-" + i);
                    m.setString(3, "Bill " + i);
                    m.setLong(4, operator);
                    m.setString(5, path);
                    m.setString(6, "10.201." + (i / 250) % 256 + "." + (i % 250 + 2));
                    m.setTimestamp(7, created);
                    m.setTimestamp(8, created);
                    m.addBatch();
                    if (i % 1000 == 999) {
                        m.executeBatch();
                    }
                }
                m.executeBatch();
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT ID FROM MTM_MACHINE WHERE SERIAL LIKE 'BB%' ORDER BY ID")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            Timestamp now = new Timestamp(System.currentTimeMillis());
            try (PreparedStatement u = c.prepareStatement("INSERT INTO MTM_USAGE (MACHINEID, USAGE_DAY, ACCOUNTID, ACCOUNTPATH, "
                + "SERIAL, HOSTNAME, PLANID, EXTENSIONS, TENANTS, APPSPERMACHINE, APPSPERUSER, LIVESECONDS, RECORDEDAT) "
                + "VALUES (?, ?, ?, ?, ?, ?, 1, 10, 0, 0, 0, 86400, ?)")) {
                int n = 0;
                for (int d = 1; d <= month.lengthOfMonth(); d++) {
                    int day = month.getYear() * 10000 + month.getMonthValue() * 100 + d;
                    for (int i = 0; i < ids.size(); i++) {
                        u.setLong(1, ids.get(i));
                        u.setInt(2, day);
                        u.setLong(3, operator);
                        u.setString(4, path);
                        u.setString(5, String.format("BB%010d", i));
                        u.setString(6, "bill-" + i);
                        u.setTimestamp(7, now);
                        u.addBatch();
                        if (++n % 5000 == 0) {
                            u.executeBatch();
                        }
                    }
                }
                u.executeBatch();
            }
            // Every day from the month to yesterday counts as recorded, so the close's catch-up has nothing to do.
            try (PreparedStatement done = c.prepareStatement("INSERT INTO MTM_USAGE_DAY (USAGE_DAY, MACHINES, RECORDEDAT) VALUES (?, ?, ?)")) {
                for (LocalDate day = month.atDay(1); day.isBefore(LocalDate.now(ZoneOffset.UTC)); day = day.plusDays(1)) {
                    done.setInt(1, day.getYear() * 10000 + day.getMonthValue() * 100 + day.getDayOfMonth());
                    done.setInt(2, MACHINES);
                    done.setTimestamp(3, now);
                    done.addBatch();
                }
                done.executeBatch();
            }
            c.commit();
        } finally {
            try {
                DriverManager.getConnection("jdbc:derby:;shutdown=true");
            } catch (SQLException expected) {
                // Derby reports a clean shutdown as an exception
            }
        }
        report("seeded", MACHINES + " machines and " + MACHINES * month.lengthOfMonth() + " ledger records in "
            + String.format("%.1f s (JDBC, server stopped)", (System.nanoTime() - t0) / 1e9));
    }

    interface Timed {
        Object run() throws Exception;
    }

    private static long time(Timed t) throws Exception {
        long t0 = System.nanoTime();
        t.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static void report(String what, String value) {
        System.out.println("BENCH | " + what + " | " + value);
    }
}
