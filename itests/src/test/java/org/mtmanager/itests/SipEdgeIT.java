package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.itests.ProcessTestSupport.API;
import static org.mtmanager.itests.ProcessTestSupport.await;
import static org.mtmanager.itests.ProcessTestSupport.awaitJob;
import static org.mtmanager.itests.ProcessTestSupport.awaitRunning;
import static org.mtmanager.itests.ProcessTestSupport.create;
import static org.mtmanager.itests.ProcessTestSupport.ended;
import static org.mtmanager.itests.ProcessTestSupport.claimFirewallTable;
import static org.mtmanager.itests.ProcessTestSupport.releaseFirewallTable;
import static org.mtmanager.itests.ProcessTestSupport.ok;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.mtmanager.sipedge.kamailio.Sipp;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Carriers' calls through the SIP edge of the shipped distribution, as it runs by default (Kamailio on port 5060,
 * started by the platform), to real container machines, with SIPp as the carriers in namespaces of the test's own,
 * each linked to the server by a veth: a listed carrier's calls reach the machine of the longest routed prefix,
 * which answers naming itself; an unrouted number gets 404 and an unlisted source 403, then nothing while it
 * floods; a route changed through REST takes the next call; a deleted machine's numbers get 404; and SIP sent
 * straight to a machine, past the edge, is dropped by the firewall. The firewall is this server's own (the
 * table inet mtm), marked as this test's by its internal network.
 */
public class SipEdgeIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String PREFIX = "mtmse-";
    private static final String BRIDGE = "mtmse0";
    /** The machines' network, also the firewall's internal one: it marks the firewall table as this test's. */
    private static final String NETWORK = "10.125.0.0/24";

    @Test
    public void carriersCallsReachTheRightMachineByDidThroughTheEdge() throws Exception {
        claimFirewallTable(NETWORK);
        String id = UUID.randomUUID().toString().substring(0, 6);
        Carrier carrier = new Carrier(PREFIX + "c1-" + id, "mtmsea" + id, "198.18.92");
        Carrier stranger = new Carrier(PREFIX + "c2-" + id, "mtmseb" + id, "198.18.93");
        try (Distribution d = Distribution.unpack("sipedge")) {
            // The firewall in this server's own namespace (Distribution moves it away for every other test).
            d.ownNetwork(BRIDGE, NETWORK, PREFIX);
            // The edge as shipped (port 5060), but on the carriers' links only and on this test's machine network.
            d.sipEdgeOn(carrier.server + "," + stranger.server, "10.125.0.1", NETWORK);
            int control = Integer.parseInt(Distribution.value(d.home().resolve("etc/org.mtmanager.sipedge.cfg"), "controlPort"));
            carrier.make();
            stranger.make();
            d.start();
            d.awaitRest(Duration.ofMinutes(3));
            Http admin = d.admin();
            Path work = Files.createDirectories(d.home().resolve("sipp"));

            ok(admin.put(API + "/settings/sip.carriers", Map.of("value", carrier.address)));
            long a = create(admin, "pbx-sip-a", "SS", "Llamadas A SL").get("machineId").asLong();
            long b = create(admin, "pbx-sip-b", "SS", "Llamadas B SL").get("machineId").asLong();
            awaitRunning(admin, a, TIMEOUT);
            awaitRunning(admin, b, TIMEOUT);
            String serialA = ok(admin.get(API + "/machines/" + a)).get("serial").asText();
            String serialB = ok(admin.get(API + "/machines/" + b)).get("serial").asText();
            ok(admin.post(API + "/did-routes", Map.of("number", "+3491", "machine", "pbx-sip-a")));
            long toB = ok(admin.post(API + "/did-routes", Map.of("number", "+349155", "machine", "pbx-sip-b"))).get("id").asLong();
            ok(admin.post(API + "/did-routes", Map.of("number", "+3492", "machine", "pbx-sip-b")));

            JsonNode[] status = {null};
            await(TIMEOUT, () -> "the SIP edge runs with the table and the carrier: " + status[0], () -> {
                status[0] = ok(admin.get(API + "/sip-edge"));
                return status[0].get("running").asBoolean() && status[0].get("edgeRoutes").asLong() == 3
                    && status[0].get("problems").isEmpty() && status[0].get("drift").isEmpty();
            });
            assertEquals(List.of(carrier.address + "/32"), List.of(status[0].get("carriers").get(0).asText()));

            assertEquals("the longest prefix", serialB, carrier.answeredBy(work, "+34915551234"));
            assertEquals(serialA, carrier.answeredBy(work, "0034914440000"));
            assertEquals(serialB, carrier.answeredBy(work, "+34920000000"));
            assertEquals("an unrouted number", 0, carrier.refused(work, "+442071234567", 404));
            assertEquals("an unlisted source", 0, stranger.refused(work, "+34915551234", 403));

            ok(admin.put(API + "/did-routes/" + toB, Map.of("machine", "pbx-sip-a")));
            // The change reaches the edge on its own thread just after the commit (SipEdgeBench: 20 ms median).
            String ipA = ok(admin.get(API + "/machines/" + a)).get("internalIp").asText();
            await(Duration.ofSeconds(5), () -> "the edge routes +349155 to " + ipA, () -> ipA.equals(edgeRoute(control, "349155")));
            assertEquals("a route changed through REST takes the next call", serialA, carrier.answeredBy(work, "+34915551234"));

            assertEquals("SIP straight to a machine, past the edge, is dropped", "", carrier.direct(work,
                ok(admin.get(API + "/machines/" + b)).get("internalIp").asText()));

            awaitJob(admin, ok(admin.post(API + "/machines/" + b + "/stop", Map.of("confirm", true))).get("id").asLong(),
                TIMEOUT, ProcessTestSupport.POLL, ProcessTestSupport::ended);
            awaitJob(admin, admin.delete(API + "/machines/" + b + "?confirm=true").json().get("id").asLong(),
                TIMEOUT, ProcessTestSupport.POLL, j -> ended(j) && "SUCCEEDED".equals(j.get("state").asText()));
            await(Duration.ofSeconds(5), () -> "the edge drops the deleted machine's route", () -> edgeRoute(control, "3492") == null);
            assertEquals("a deleted machine's numbers", 0, carrier.refused(work, "+34920000000", 404));
            assertEquals("the other machine still answers", serialA, carrier.answeredBy(work, "+34915551234"));

            int answered = stranger.flood(work, 300);
            assertTrue("a flood from an unlisted source is cut off: " + answered + " of 300 answered", answered < 150);

            JsonNode synced = ok(admin.post(API + "/sip-edge/sync", Map.of()));
            assertTrue(synced.toString(), synced.get("repaired").asBoolean());
            assertEquals(2, synced.get("edgeRoutes").asLong());
            assertNotEquals(null, synced.get("lastLoad"));
        } finally {
            try {
                carrier.remove();
                stranger.remove();
                Containers.sweep(PREFIX, BRIDGE);
            } finally {
                releaseFirewallTable(NETWORK);
            }
        }
    }

    /** The target the edge's own table holds for a prefix (Kamailio's JSON-RPC on its control port), or null. */
    static String edgeRoute(int control, String prefix) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"method\":\"htable.get\",\"params\":[\"did\",\"" + prefix + "\"],\"id\":1}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + control + "/RPC"))
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"value\":\"([^\"]+)\"").matcher(r.body());
        return m.find() ? m.group(1) : null;
    }

    /** A carrier: SIPp in a namespace linked to this server. */
    private static final class Carrier {
        final LinkedNamespace ns;
        final String server;
        final String address;

        Carrier(String namespace, String link, String net) {
            this.ns = new LinkedNamespace(namespace, link, net);
            this.server = ns.server;
            this.address = ns.address;
        }

        void make() throws Exception {
            ns.make();
            // Only towards the machines' network, through this server: what a carrier could try past the edge.
            ns.routeThroughServer(NETWORK);
        }

        List<String> in() {
            return ns.in();
        }

        /** The serial of the machine that answered a call to {@code number}, once the call completed. */
        String answeredBy(Path work, String number) throws Exception {
            Path scenario = Sipp.carrierCall(work);
            try (Sipp call = Sipp.start(work, "call-" + System.nanoTime(), in(), List.of(server + ":5060", "-sf", scenario.toString(),
                    "-s", number, "-i", address, "-p", "5060", "-m", "1", "-timeout", "20s", "-timeout_error"))) {
                assertEquals("the call to " + number + " completed: " + call.logged(), 0, call.await(40));
                List<String> answered = call.logged().stream().filter(l -> l.contains("answered ")).toList();
                assertEquals(answered.toString(), 1, answered.size());
                return answered.get(0).replaceAll(".* by ([^ ]+) .*", "$1");
            }
        }

        /** SIPp's exit code for a call that must get {@code status}. */
        int refused(Path work, String number, int status) throws Exception {
            Path scenario = Sipp.scenario(work, "carrier-refused.xml", Map.of("status", Integer.toString(status)));
            try (Sipp call = Sipp.start(work, "refused-" + System.nanoTime(), in(), List.of(server + ":5060", "-sf",
                    scenario.toString(), "-s", number, "-i", address, "-p", "5060", "-m", "1", "-timeout", "20s", "-timeout_error"))) {
                return call.await(40);
            }
        }

        /** What a machine answers a call sent to it straight, past the edge: its log's lines, empty when none. */
        String direct(Path work, String machine) throws Exception {
            Path scenario = Sipp.carrierCall(work);
            try (Sipp call = Sipp.start(work, "direct-" + System.nanoTime(), in(), List.of(machine + ":5060", "-sf", scenario.toString(),
                    "-s", "+34915551234", "-i", address, "-p", "5060", "-m", "1", "-timeout", "6s", "-timeout_error"))) {
                assertNotEquals("SIPp ran", -100, call.await(30));
                return String.join("\n", call.logged());
            }
        }

        /** How many of {@code calls} INVITEs sent at once got an answer (403) from the edge. */
        int flood(Path work, int calls) throws Exception {
            Path scenario = Sipp.scenario(work, "carrier-refused.xml", Map.of("status", "403"));
            try (Sipp flood = Sipp.start(work, "flood", in(), List.of(server + ":5060", "-sf", scenario.toString(), "-s", "+34915551234",
                    "-i", address, "-p", "5060", "-m", Integer.toString(calls), "-r", "1000", "-l", Integer.toString(calls),
                    "-timeout", "10s"))) {
                flood.await(40);
                return (int) flood.logged().stream().filter(l -> l.contains("refused ")).count();
            }
        }

        void remove() throws Exception {
            ns.remove();
        }
    }
}
