package org.mtmanager.itests;

import static org.mtmanager.itests.ProcessTestSupport.API;
import static org.mtmanager.itests.ProcessTestSupport.await;
import static org.mtmanager.itests.ProcessTestSupport.awaitRunning;
import static org.mtmanager.itests.ProcessTestSupport.create;
import static org.mtmanager.itests.ProcessTestSupport.ok;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.mtmanager.sipedge.kamailio.Sipp;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * SIP edge benchmark (run with -Pbench; prints, asserts nothing about speed), on the shipped distribution with
 * 100,000 DID routes to two real container machines, and SIPp as a carrier in a namespace of its own:
 * <ul>
 * <li>calls per second through the edge (INVITE, 200, ACK, BYE, 200), with misroutes counted against the route of
 * each number; goal 500 calls/s or more on 2 cores with 0 misroutes and 99.9 % completed (anchor: the Wazo C4
 * router's published stress run completed 97.9 % at 30 calls/s);</li>
 * <li>a route change, from the REST call until the edge routes by it (read from the edge's own table); goal 50 ms;</li>
 * <li>a full reload of the 100,000 routes (POST /sip-edge/sync); goal 2 s.</li>
 * </ul>
 */
public class SipEdgeBench {
    static final int ROUTES = Integer.getInteger("mtm.bench.sipedge.routes", 100_000);
    static final int CALLS = Integer.getInteger("mtm.bench.sipedge.calls", 15_000);
    private static final String PREFIX = "mtmbench-se";
    private static final String BRIDGE = "mtmbn2";
    private static final String NETWORK = "10.126.0.0/24";
    private final LinkedNamespace carrier = new LinkedNamespace("mtmbench-sec", "mtmbnse0", "198.18.94");
    private static final Pattern LOADED = Pattern.compile("SIP edge loaded \\(kamailio\\): (\\d+) route\\(s\\).* in (\\d+) ms");

    @Test
    public void sipEdge() throws Exception {
        try (Distribution d = Distribution.unpack("sip-edge-bench")) {
            Path host = d.home().resolve("etc/org.mtmanager.host-local.cfg");
            Distribution.set(host, "bridge", BRIDGE);
            Distribution.set(host, "network", NETWORK);
            Distribution.set(host, "namespacePrefix", PREFIX);
            Distribution.set(host, "enforceLimits", "false");
            d.sipEdgeOn("198.18.94.1", "10.126.0.1", NETWORK);
            int control = Integer.parseInt(Distribution.value(d.home().resolve("etc/org.mtmanager.sipedge.cfg"), "controlPort"));
            carrier.make();
            d.start();
            d.awaitRest(Duration.ofMinutes(3));
            Http admin = d.admin();
            ok(admin.put(API + "/settings/sip.carriers", Map.of("value", "198.18.94.2")));
            long a = create(admin, "pbx-bench-a", "SS", "Bench A SL").get("machineId").asLong();
            long b = create(admin, "pbx-bench-b", "SS", "Bench B SL").get("machineId").asLong();
            awaitRunning(admin, a, Duration.ofSeconds(90));
            awaitRunning(admin, b, Duration.ofSeconds(90));
            String[] serial = {ok(admin.get(API + "/machines/" + a)).get("serial").asText(),
                ok(admin.get(API + "/machines/" + b)).get("serial").asText()};
            d.stop();
            seed(d, new long[] {a, b});
            d.start();
            d.awaitRest(Duration.ofMinutes(3));
            Http admin2 = d.admin();
            await(Duration.ofMinutes(2), () -> "the edge holds the routes", () -> {
                JsonNode st = ok(admin2.get(API + "/sip-edge"));
                return st.get("running").asBoolean() && st.get("edgeRoutes").asLong() == ROUTES;
            });
            Matcher start = LOADED.matcher(Files.readString(d.home().resolve("data/log/karaf.log")));
            while (start.find()) {
                print("full load at start (" + start.group(1) + " routes)", start.group(2) + " ms");
            }

            Path work = Files.createDirectories(d.home().resolve("sipp"));
            for (int rate : new int[] {500, 1000}) {
                calls(work, serial, rate);
            }
            changes(admin2, control);
            for (int i = 0; i < 3; i++) {
                JsonNode st = ok(admin2.post(API + "/sip-edge/sync", Map.of()));
                print("full reload of " + st.get("edgeRoutes").asLong() + " routes (POST /sip-edge/sync), round " + (i + 1),
                    st.get("lastLoadMs").asLong() + " ms (goal 2000 ms)");
            }
        } finally {
            carrier.remove();
            Containers.sweep(PREFIX, BRIDGE);
        }
    }

    /** CALLS calls at {@code rate}, to random routed numbers: completed, misrouted, and calls per second. */
    private void calls(Path work, String[] serial, int rate) throws Exception {
        Random random = new Random(rate);
        StringBuilder inf = new StringBuilder("RANDOM\n");
        for (int i = 0; i < 5000; i++) {
            int route = random.nextInt(ROUTES);
            inf.append('+').append(number(route)).append(random.nextInt(10)).append(';').append(serial[route % 2]).append('\n');
        }
        Path file = Files.writeString(work.resolve("numbers-" + rate + ".csv"), inf.toString());
        long t0 = System.nanoTime();
        int exit;
        List<String> logged;
        try (Sipp sipp = Sipp.start(work, "bench-" + rate, carrier.in(), List.of("198.18.94.1:5060",
                "-sf", Sipp.carrierCalls(work).toString(), "-inf", file.toString(), "-i", "198.18.94.2", "-p", "5060",
                "-r", Integer.toString(rate), "-m", Integer.toString(CALLS), "-l", Integer.toString(rate * 4),
                "-max_socket", "2000", "-timeout", "120s"))) {
            exit = sipp.await(200);
            logged = sipp.logged();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long answered = logged.stream().filter(l -> l.contains("answered ")).count();
        long misrouted = logged.stream().filter(l -> l.contains("answered ")).filter(l -> {
            Matcher m = Pattern.compile("by (\\S+) .*expected (\\S+)").matcher(l);
            return !m.find() || !m.group(1).equals(m.group(2));
        }).count();
        print("calls through the edge at " + rate + " calls/s offered, " + ROUTES + " routes", String.format(
            "%d of %d answered (%.2f %%), %d misrouted, %.0f calls/s over %.1f s (SIPp exit %d; goal 500 calls/s, 99.9 %%, 0 misroutes;"
            + " anchor: Wazo C4 97.9 %% at 30 calls/s)", answered, CALLS, 100.0 * answered / CALLS, misrouted, answered / seconds,
            seconds, exit));
    }

    /** A route moved to another machine through REST, until the edge's own table has it. */
    private void changes(Http admin, int control) throws Exception {
        JsonNode routes = ok(admin.get(API + "/did-routes?limit=20"));
        List<Long> ms = new ArrayList<>();
        long[] machines = {0, 0};
        JsonNode list = ok(admin.get(API + "/machines?limit=2")).get("items");
        machines[0] = list.get(0).get("id").asLong();
        machines[1] = list.get(1).get("id").asLong();
        Map<Long, String> ips = Map.of(machines[0], list.get(0).get("internalIp").asText(), machines[1], list.get(1).get("internalIp").asText());
        for (JsonNode r : routes.get("items")) {
            long to = r.get("machineId").asLong() == machines[0] ? machines[1] : machines[0];
            String prefix = r.get("number").asText().substring(1);
            long t0 = System.nanoTime();
            ok(admin.put(API + "/did-routes/" + r.get("id").asLong(), Map.of("machine", String.valueOf(to))));
            while (!ips.get(to).equals(SipEdgeIT.edgeRoute(control, prefix))) {
                if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(10)) {
                    throw new AssertionError("the edge never routed +" + prefix + " to " + ips.get(to));
                }
            }
            ms.add((System.nanoTime() - t0) / 1_000_000);
        }
        Collections.sort(ms);
        print("route change, REST call until the edge routes by it (" + ms.size() + " changes)", "median " + ms.get(ms.size() / 2)
            + " ms, max " + ms.get(ms.size() - 1) + " ms (goal 50 ms)");
    }

    /** Eleven digits: 34, then the route's number; calls dial one digit more. */
    private static String number(int route) {
        return String.format("34%09d", route);
    }

    private static void seed(Distribution d, long[] machines) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + d.home().resolve("data/mtm/db"))) {
            c.setAutoCommit(false);
            Timestamp now = new Timestamp(System.currentTimeMillis());
            try (PreparedStatement p = c.prepareStatement("INSERT INTO MTM_DID_ROUTE (PREFIX, MACHINEID, CREATEDBY, CREATEDAT, UPDATEDAT,"
                    + " VERSION) VALUES (?, ?, 'bench', ?, ?, 1)")) {
                for (int i = 0; i < ROUTES; i++) {
                    p.setString(1, number(i));
                    p.setLong(2, machines[i % 2]);
                    p.setTimestamp(3, now);
                    p.setTimestamp(4, now);
                    p.addBatch();
                    if (i % 5000 == 4999) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            }
            c.commit();
        } finally {
            try {
                DriverManager.getConnection("jdbc:derby:" + d.home().resolve("data/mtm/db") + ";shutdown=true");
            } catch (SQLException expected) {
                // a clean shutdown is reported as an exception
            }
        }
    }

    private static void print(String what, String value) {
        System.out.println("BENCH | sip edge: " + what + " | " + value);
    }
}
