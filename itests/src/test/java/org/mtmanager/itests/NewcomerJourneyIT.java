package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.itests.ProcessTestSupport.API;
import static org.mtmanager.itests.ProcessTestSupport.await;
import static org.mtmanager.itests.ProcessTestSupport.awaitRunning;
import static org.mtmanager.itests.ProcessTestSupport.create;
import static org.mtmanager.itests.ProcessTestSupport.claimFirewallTable;
import static org.mtmanager.itests.ProcessTestSupport.releaseFirewallTable;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
        claimFirewallTable(NETWORK);
        String id = UUID.randomUUID().toString().substring(0, 6);
        LinkedNamespace granted = new LinkedNamespace(PREFIX + "c1-" + id, "mtmjya" + id, "198.18.90");
        LinkedNamespace other = new LinkedNamespace(PREFIX + "c2-" + id, "mtmjyb" + id, "198.18.91");
        try (Distribution d = Distribution.unpack("journey")) {
            // The firewall in this server's own namespace (Distribution moves it away for every other test).
            d.ownNetwork(BRIDGE, NETWORK, PREFIX);
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
                releaseFirewallTable(NETWORK);
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

    private static List<String> strings(JsonNode array) {
        return array == null ? List.of("(none)") : StreamSupport.stream(array.spliterator(), false)
            .map(JsonNode::asText).toList();
    }
}
