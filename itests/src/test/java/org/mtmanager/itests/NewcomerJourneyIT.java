package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.itests.ProcessTestSupport.API;
import static org.mtmanager.itests.ProcessTestSupport.await;
import static org.mtmanager.itests.ProcessTestSupport.awaitRunning;
import static org.mtmanager.itests.ProcessTestSupport.create;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The slides' reseller journey on the shipped distribution as a newcomer gets it after the README's first command
 * (the host set up by bin/mtm-host-setup, which {@code .ci/run} runs): the embedded defaults, only its ports and the
 * names of its bridge, network and namespaces its own, so that it touches nothing of other runs. The firewall is
 * this server's own, listening on every address of the server, and the machine a real container with no route
 * out. A reseller creates a machine and grants SSH to a client address; that client, in a namespace of the test's
 * linked to the server, gets dropbear's banner through the external port on the server's address, and another
 * client does not.
 */
public class NewcomerJourneyIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String PREFIX = "mtmjy-";
    private static final String BRIDGE = "mtmjy0";
    /** The machines' network, also the firewall's internal one: it marks the firewall table as this test's. */
    private static final String NETWORK = "10.124.0.0/24";
    private static final String PASSWORD = "Ramon-pass-123";

    @Test
    public void aResellerCreatesAMachineAndAGrantedClientReachesItsSshThroughTheForwardedPort() throws Exception {
        if (isOurs()) {
            sh("nft", "delete", "table", "inet", "mtm"); // an interrupted run's
        }
        assertFalse("this server's own firewall table inet mtm is in use (another MT Manager running here?): stop it",
            sh("nft", "list", "tables").contains("inet mtm"));
        String id = UUID.randomUUID().toString().substring(0, 6);
        Client granted = new Client(PREFIX + "c1-" + id, "mtmjya" + id, "198.18.90");
        Client other = new Client(PREFIX + "c2-" + id, "mtmjyb" + id, "198.18.91");
        try (Distribution d = Distribution.unpack("journey")) {
            // The defaults, but for the names that keep this run apart from others: the firewall in this server's
            // own namespace (Distribution moves it away for every other test), the host on a bridge of its own.
            Path fw = d.home().resolve("etc/org.mtmanager.firewall.cfg");
            Distribution.set(fw, "namespace", "");
            Distribution.set(fw, "internalNetwork", NETWORK);
            Path host = d.home().resolve("etc/org.mtmanager.host-local.cfg");
            Distribution.set(host, "bridge", BRIDGE);
            Distribution.set(host, "network", NETWORK);
            Distribution.set(host, "namespacePrefix", PREFIX);
            database(d);
            granted.make();
            other.make();
            d.start();
            d.awaitRest(Duration.ofMinutes(3));
            Http admin = d.admin();

            JsonNode local = admin.get(API + "/hosts/local").json();
            assertEquals("the host is ready after bin/mtm-host-setup: " + local, List.of(), strings(local.get("problems")));
            AtomicReference<List<String>> problems = new AtomicReference<>();
            await(TIMEOUT, () -> "the firewall has nothing to report, but: " + problems.get(), () -> {
                problems.set(strings(admin.post(API + "/firewall/sync?repair=false", Map.of()).json().get("problems")));
                return problems.get().isEmpty();
            });

            long reseller = admin.post(API + "/accounts", Map.of("type", "reseller", "name", "MaquinasRamon")).json().get("id").asLong();
            assertEquals(201, admin.post(API + "/users", Map.of("accountId", reseller, "username", "ramon", "password", PASSWORD,
                "role", "reseller-admin")).status());
            Http ramon = admin.as("ramon", PASSWORD);
            long machine = create(ramon, "pbx-ramon", "SS", "Bodega Garcia SL").get("machineId").asLong();
            awaitRunning(ramon, machine, TIMEOUT);
            assertEquals("local", ramon.get(API + "/machines/" + machine).json().get("host").asText());

            Http.Response ssh = ramon.post(API + "/machines/" + machine + "/access", Map.of("source", granted.address, "service", "ssh"));
            assertEquals(ssh.toString(), 201, ssh.status());
            int port = ssh.json().get("externalPort").asInt();
            await(TIMEOUT, () -> "the grant is in the firewall", () -> ramon.get(API + "/machines/" + machine + "/access").json()
                .get("grants").get(0).get("state").asText().equals("ACTIVE"));
            JsonNode forward = ramon.get(API + "/machines/" + machine + "/access").json().get("forwards").get(0);
            assertEquals(port, forward.get("externalPort").asInt());
            assertFalse("the forward names an address of this server", forward.get("publicAddress").asText().isEmpty());

            String banner = granted.banner(granted.server, port);
            assertTrue("the granted client reaches SSH at " + granted.server + ":" + port + ", got '" + banner + "'",
                banner.startsWith("SSH-2.0-dropbear"));
            assertEquals("a client without a grant does not", "", other.banner(other.server, port));
            databaseAfterwards(d, ramon, API + "/machines/" + machine);
        } finally {
            try {
                granted.remove();
                other.remove();
                Containers.sweep(PREFIX, BRIDGE);
            } finally {
                if (isOurs()) {
                    sh("nft", "delete", "table", "inet", "mtm");
                }
            }
        }
    }

    /** The platform's database: the embedded default here; {@link NewcomerJourneyOnPostgresIT} points it elsewhere. */
    protected void database(Distribution d) throws Exception {
        // the distribution's own datasource configuration: Derby under data/
    }

    /**
     * What the database shows of the journey's server once it is done, while the reseller reads {@code path}: nothing
     * here, where it is embedded in the server's JVM; {@link NewcomerJourneyOnPostgresIT} looks at its connections.
     */
    protected void databaseAfterwards(Distribution d, Http reseller, String path) throws Exception {
        // the embedded Derby's connections are in the server's own JVM
    }

    /** A client namespace linked to this server by a veth of its own /24: no route beyond this server's end of it. */
    private static final class Client {
        final String namespace;
        final String link;
        final String server;
        final String address;

        Client(String namespace, String link, String net) {
            this.namespace = namespace;
            this.link = link;
            this.server = net + ".1";
            this.address = net + ".2";
        }

        void make() throws Exception {
            sh("ip", "netns", "add", namespace);
            sh("ip", "link", "add", link, "type", "veth", "peer", "name", "e", "netns", namespace);
            sh("ip", "addr", "add", server + "/24", "dev", link);
            sh("ip", "link", "set", link, "up");
            sh("ip", "-n", namespace, "addr", "add", address + "/24", "dev", "e");
            sh("ip", "-n", namespace, "link", "set", "e", "up");
            sh("ip", "-n", namespace, "link", "set", "lo", "up");
        }

        /** The first bytes a server sends this client at {@code address:port}; empty if none. */
        String banner(String to, int port) throws Exception {
            return sh("ip", "netns", "exec", namespace, "sh", "-c",
                "busybox timeout 3 busybox nc -w 2 " + to + " " + port + " </dev/null 2>/dev/null | busybox head -c 64; true");
        }

        void remove() throws Exception {
            if (Files.exists(Path.of("/run/netns", namespace))) {
                sh("ip", "netns", "del", namespace); // takes the veth, both ends, along
            }
        }
    }

    /**
     * Whether this server's table inet mtm is this test's: its internal network, {@link #NETWORK}, marks it (as
     * {@code .ci/run}'s sweep of an interrupted run's table checks too), so that no real MT Manager's is touched.
     */
    private static boolean isOurs() throws IOException, InterruptedException {
        return sh("nft", "list", "tables").contains("inet mtm")
            && sh("nft", "list", "table", "inet", "mtm").contains("ip daddr " + NETWORK + " jump machines");
    }

    private static List<String> strings(JsonNode array) {
        return array == null ? List.of("(none)") : StreamSupport.stream(array.spliterator(), false)
            .map(JsonNode::asText).toList();
    }

    private static String sh(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
