package org.mtmanager.sipedge.kamailio;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.mtmanager.spi.sipedge.EdgeException;
import org.mtmanager.spi.sipedge.EdgeSettings;
import org.mtmanager.spi.sipedge.EdgeState;
import org.mtmanager.spi.sipedge.EdgeTable;

/**
 * The Kamailio edge as it runs: real Kamailio on the shipped template, on loopback, with SIPp as the carrier and as
 * two machines' PBXs (127.0.1.2 and 127.0.1.3). Calls reach the machine of the longest routed prefix and complete
 * (ACK and BYE along the recorded route); an unrouted number gets 404, an unlisted source 403 and then, flooding,
 * no answer; single changes and a full load route the next call; a restarted edge reports that it has no
 * generation, so that the platform loads it again.
 */
public class KamailioBackendTest {
    private static final String CARRIER = "127.0.0.1";
    private static final String MACHINE_A = "127.0.1.2";
    private static final String MACHINE_B = "127.0.1.3";

    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();

    private final KamailioBackend backend = new KamailioBackend();
    private final List<Sipp> machines = new ArrayList<>();
    private EdgeSettings settings;
    private Path work;
    private int sipPort;
    private int machinePort;

    @Before
    public void edge() throws Exception {
        work = tmp.newFolder("sipp").toPath();
        sipPort = freePort();
        machinePort = freePort();
        settings = new EdgeSettings(List.of(CARRIER), sipPort, "", "127.0.1.0/24", machinePort, freePort(),
            tmp.newFolder("edge").toString(), 20, Map.of("template", System.getProperty("mtm.sipedge.template")));
        assertEquals("kamailio is installed (bin/mtm-host-setup, .ci/run)", List.of(), backend.problems(settings));
        backend.start(settings);
        for (String machine : List.of(MACHINE_A, MACHINE_B)) {
            machines.add(Sipp.start(work, "machine-" + machine, List.of("-sf", Sipp.scenario(work, "machine.xml", Map.of()).toString(),
                "-i", machine, "-p", Integer.toString(machinePort))));
        }
    }

    @After
    public void stop() {
        machines.forEach(Sipp::close);
        backend.stop(settings);
    }

    @Test
    public void callsReachTheMachineOfTheLongestRoutedPrefixAndComplete() throws Exception {
        EdgeState fresh = backend.state(settings);
        assertTrue(fresh.detail(), fresh.running());
        assertEquals("never loaded", "", fresh.generation());

        backend.load(settings, new EdgeTable("g1", List.of(CARRIER + "/32"), Map.of("3491", MACHINE_A, "349155", MACHINE_B)));
        EdgeState loaded = backend.state(settings);
        assertEquals("g1", loaded.generation());
        assertEquals(2, loaded.routes());
        assertEquals(List.of(CARRIER + "/32"), loaded.carriers());

        assertEquals(MACHINE_B, answeredBy("+34915551234"));
        assertEquals("the number is normalised: 00, then separators", MACHINE_A, answeredBy("0034-91-444-0000"));
        assertEquals(MACHINE_A, answeredBy("3491"));
    }

    @Test
    public void unroutedNumbersGet404AndUnlistedSources403ThenNothingWhenTheyFlood() throws Exception {
        backend.load(settings, new EdgeTable("g1", List.of(CARRIER + "/32"), Map.of("3491", MACHINE_A)));
        assertEquals(0, refused(CARRIER, "+442071234567", 404));
        assertEquals("not a number", 0, refused(CARRIER, "alice", 404));
        assertEquals(0, refused("127.0.0.9", "+34915551234", 403));

        int answered = 0;
        try (DatagramSocket flood = new DatagramSocket(new InetSocketAddress("127.0.0.8", 0))) {
            flood.setSoTimeout(300);
            for (int i = 0; i < 200; i++) {
                byte[] invite = invite("34915551234", "127.0.0.8", flood.getLocalPort(), "flood" + i);
                flood.send(new DatagramPacket(invite, invite.length, InetAddress.getByName(CARRIER), sipPort));
            }
            answered = drain(flood);
            byte[] after = invite("34915551234", "127.0.0.8", flood.getLocalPort(), "after");
            flood.send(new DatagramPacket(after, after.length, InetAddress.getByName(CARRIER), sipPort));
            assertEquals("a flooding source is not answered any more", 0, drain(flood));
        }
        assertTrue("the flood was cut off: " + answered + " of 200 answered", answered < 100);
        assertEquals("a carrier still gets through", MACHINE_A, answeredBy("+34915551234"));
    }

    @Test
    public void singleChangesAndFullLoadsRouteTheNextCall() throws Exception {
        backend.load(settings, new EdgeTable("g1", List.of(CARRIER + "/32"), Map.of("3491", MACHINE_A)));
        backend.put(settings, Map.of("3491444", MACHINE_B));
        assertEquals(MACHINE_B, answeredBy("+34914441111"));
        backend.remove(settings, List.of("3491444", "3499")); // one of them was never there
        assertEquals(MACHINE_A, answeredBy("+34914441111"));

        backend.carriers(settings, List.of());
        assertEquals(0, refused(CARRIER, "+34914441111", 403));
        backend.carriers(settings, List.of("10.0.0.0/8", CARRIER));
        assertEquals(MACHINE_A, answeredBy("+34914441111"));

        backend.load(settings, new EdgeTable("g2", List.of(CARRIER), Map.of("34", MACHINE_B)));
        assertEquals("a full load replaces the whole table", MACHINE_B, answeredBy("+34914441111"));
        assertEquals(1, backend.state(settings).routes());
    }

    @Test
    public void aRestartedEdgeKeepsItsLastFullTableButNoGenerationSoThatThePlatformLoadsItAgain() throws Exception {
        backend.load(settings, new EdgeTable("g1", List.of(CARRIER), Map.of("3491", MACHINE_A, "3492", MACHINE_B)));
        backend.put(settings, Map.of("3493", MACHINE_B));
        backend.stop(settings);
        EdgeState down = backend.state(settings);
        assertFalse(down.running());
        assertTrue(down.detail(), down.detail().contains("does not answer"));

        backend.start(settings);
        backend.start(settings); // a running edge is left as it is
        EdgeState again = backend.state(settings);
        assertTrue(again.running());
        assertEquals("", again.generation());
        assertEquals("the last full load's routes, not the single change after it", 2, again.routes());
    }

    @Test
    public void aTemplateWithAnUnknownValueIsRefusedByName() throws Exception {
        Path bad = tmp.newFile("bad.template").toPath();
        Files.writeString(bad, "listen={{nowhere}}\n");
        EdgeSettings s = new EdgeSettings(List.of(CARRIER), sipPort, "", "", machinePort, freePort(), tmp.newFolder().toString(), 20,
            Map.of("template", bad.toString()));
        try {
            backend.start(s);
            throw new AssertionError("started on a bad template");
        } catch (EdgeException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("unknown value {{nowhere}}"));
        }
    }

    /** The machine that answered a carrier's call to {@code number}, after the call ended well. */
    private String answeredBy(String number) throws Exception {
        Path scenario = Sipp.carrierCall(work);
        try (Sipp call = Sipp.start(work, "call-" + number.replaceAll("[^0-9]", ""), List.of(CARRIER + ":" + sipPort, "-sf",
                scenario.toString(), "-s", number, "-i", CARRIER, "-p", Integer.toString(freePort()), "-m", "1",
                "-timeout", "15s", "-timeout_error"))) {
            assertEquals("the call to " + number + " completed: " + call.logged(), 0, call.await(30));
            List<String> answered = call.logged().stream().filter(l -> l.contains("answered ")).toList();
            assertEquals(answered.toString(), 1, answered.size());
            return answered.get(0).replaceAll(".* by ([0-9.]+).*", "$1");
        }
    }

    /** SIPp's exit code for a call from {@code source} that must get {@code status}. */
    private int refused(String source, String number, int status) throws Exception {
        Path scenario = Sipp.scenario(work, "carrier-refused.xml", Map.of("status", Integer.toString(status)));
        try (Sipp call = Sipp.start(work, "refused-" + status, List.of(CARRIER + ":" + sipPort, "-sf", scenario.toString(),
                "-s", number, "-i", source, "-p", Integer.toString(freePort()), "-m", "1", "-timeout", "15s", "-timeout_error"))) {
            return call.await(30);
        }
    }

    private static byte[] invite(String number, String source, int port, String callId) {
        return ("INVITE sip:" + number + "@" + CARRIER + " SIP/2.0\r\nVia: SIP/2.0/UDP " + source + ":" + port + ";branch=z9hG4bK" + callId
            + "\r\nFrom: <sip:flood@" + source + ">;tag=1\r\nTo: <sip:" + number + "@" + CARRIER + ">\r\nCall-ID: " + callId
            + "\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static int drain(DatagramSocket socket) throws IOException {
        int n = 0;
        byte[] buffer = new byte[4096];
        try {
            while (true) {
                socket.receive(new DatagramPacket(buffer, buffer.length));
                n++;
            }
        } catch (SocketTimeoutException e) {
            return n;
        }
    }

    /**
     * A port free for both TCP and UDP, below the kernel's ephemeral range (10000-20999): a port the kernel may hand to a
     * client socket could be the control port's own while the edge polls it before Kamailio binds it (a TCP
     * self-connect), and Kamailio would then never listen.
     */
    static int freePort() throws IOException {
        for (int i = 0; i < 200; i++) {
            int port = ThreadLocalRandom.current().nextInt(10_000, 21_000);
            try (ServerSocket tcp = new ServerSocket(port); DatagramSocket udp = new DatagramSocket(port)) {
                return port;
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new IOException("no free port");
    }
}
