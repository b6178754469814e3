package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.itests.ProcessTestSupport.API;
import static org.mtmanager.itests.ProcessTestSupport.await;
import static org.mtmanager.itests.ProcessTestSupport.awaitJob;
import static org.mtmanager.itests.ProcessTestSupport.awaitRunning;
import static org.mtmanager.itests.ProcessTestSupport.create;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.mtmanager.spi.firewall.Topology;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Service grants and port forwards end to end, on real packets, once per firewall backend: the distribution runs
 * with its firewall in the edge namespace of a test topology (see {@link Topology}) and a container host whose
 * bridge lives in that edge, so its machines (real containers: busybox httpd, dropbear, Kamailio) sit behind the
 * rules; clients in their own namespaces do or do not get through as the API says.
 */
@RunWith(Parameterized.class)
public class AccessIT {
    private static final Duration MINUTE = Duration.ofSeconds(60);

    @Parameterized.Parameters(name = "{0}")
    public static List<String> backends() {
        return List.of("nftables", "iptables");
    }

    private final String backend;

    public AccessIT(String backend) {
        this.backend = backend;
    }

    @Test
    public void grantsForwardsRevokesExpiryDeletionAndTheSipLockOnRealPackets() throws Exception {
        Assume.assumeTrue("needs root and the firewall tools", Files.isExecutable(Path.of("/usr/sbin/nft"))
            && Files.isExecutable(Path.of("/usr/sbin/iptables-restore")) && Files.isExecutable(Path.of("/usr/sbin/conntrack")));
        try (Topology net = new Topology(false); Distribution d = Distribution.unpack("access-" + backend)) {
            Path fw = d.home().resolve("etc/org.mtmanager.firewall.cfg");
            Distribution.set(fw, "backend", backend);
            Distribution.set(fw, "namespace", net.edge);
            Distribution.set(fw, "publicAddress", Topology.PUBLIC);
            Distribution.set(fw, "internalNetwork", Topology.INTERNAL);
            Distribution.set(fw, "retrySeconds", "1");
            Distribution.set(fw, "expirySeconds", "1");
            Files.delete(d.home().resolve("etc/org.mtmanager.host-local.cfg"));
            Path host = d.home().resolve("etc/org.mtmanager.host-edge.cfg");
            for (String[] kv : new String[][] {{"name", "edge"}, {"driver", "container"}, {"bridge", "mtmae0"},
                {"bridgeNamespace", net.edge}, {"namespacePrefix", Containers.PREFIX},
                {"network", Topology.INTERNAL}, {"vcpu", "64"}, {"memoryMb", "262144"}, {"diskGb", "10000"}}) {
                Distribution.set(host, kv[0], kv[1]);
            }
            d.start();
            d.awaitRest(Duration.ofMinutes(3));
            Http admin = d.admin();
            await(MINUTE, () -> "the firewall reports no problems",
                () -> admin.post(API + "/firewall/sync?repair=false", Map.of()).json().get("problems").isEmpty());

            long id = create(admin, "pbx-access", "SS", "Access SL").get("machineId").asLong();
            awaitRunning(admin, id, MINUTE);
            JsonNode machine = admin.get(API + "/machines/" + id).json();
            assertEquals(Topology.MACHINE, machine.get("internalIp").asText());
            assertEquals("container", machine.get("driverType").asText());
            String serial = machine.get("serial").asText();
            // A stand-in for a long-lived session inside the real machine, to show that revoking cuts it.
            net.echoServer(Containers.PREFIX + serial, 7000);

            // A grant: c1 reaches SSH through its external port, c2 does not; web is reached on the machine itself.
            Http.Response ssh = admin.post(API + "/machines/" + id + "/access", Map.of("source", Topology.CLIENT1, "service", "ssh"));
            assertEquals(ssh.toString(), 201, ssh.status());
            int port = ssh.json().get("externalPort").asInt();
            assertEquals(10000, port);
            assertEquals("ACTIVE", ssh.json().get("state").asText());
            assertTrue(net.banner(net.client1, Topology.PUBLIC, port).startsWith("SSH-2.0-dropbear"));
            assertEquals("", net.banner(net.client2, Topology.PUBLIC, port));
            assertEquals(201, admin.post(API + "/machines/" + id + "/access", Map.of("source", "198.18.1.0/24", "service", "web")).status());
            assertTrue("c1 sees the machine's own page", net.http(net.client1, Topology.MACHINE, 80).contains(serial));
            assertEquals("", net.http(net.client2, Topology.MACHINE, 80));
            JsonNode access = admin.get(API + "/machines/" + id + "/access").json();
            assertEquals(access.toString(), 1, access.get("forwards").size());
            assertEquals(Topology.PUBLIC, access.get("forwards").get(0).get("publicAddress").asText());

            // Revoking cuts the established connection too.
            Http.Response echo = admin.post(API + "/machines/" + id + "/access", Map.of("source", Topology.CLIENT1, "service", "custom",
                "name", "echo", "port", 7000, "protocol", "tcp"));
            assertEquals(echo.toString(), 201, echo.status());
            int echoPort = echo.json().get("externalPort").asInt();
            Topology.Session session = net.open(net.client1, Topology.PUBLIC, echoPort);
            assertTrue(session.echoes("one"));
            assertEquals(204, admin.delete(API + "/machines/" + id + "/access/" + echo.json().get("id").asLong()).status());
            assertFalse("the established connection is cut", session.echoes("two"));
            assertEquals(204, admin.delete(API + "/machines/" + id + "/access/" + ssh.json().get("id").asLong()).status());
            assertEquals("", net.banner(net.client1, Topology.PUBLIC, port));

            // An expiring grant ends by itself.
            Http.Response brief = admin.post(API + "/machines/" + id + "/access", Map.of("source", Topology.CLIENT2, "service", "ssh",
                "expiresAt", Instant.now().plusSeconds(4).toString()));
            assertEquals(port, brief.json().get("externalPort").asInt());
            assertTrue(net.banner(net.client2, Topology.PUBLIC, port).startsWith("SSH-2.0-dropbear"));
            await(MINUTE, () -> "the expired grant gone", () -> admin.get(API + "/machines/" + id + "/access").json()
                .get("grants").size() == 1);
            // The expiry removes the grant, then its rules: the port closes a moment after the listing changed.
            await(MINUTE, () -> "the expired grant's port closed", () -> net.banner(net.client2, Topology.PUBLIC, port).isEmpty());
            assertEquals(1, admin.get(API + "/audit?action=access.expire").json().get("total").asLong());

            // SIP is locked on every facade, and each attempt is audited.
            Http.Response sip = admin.post(API + "/machines/" + id + "/access", Map.of("source", Topology.CLIENT1, "service", "sip"));
            assertEquals(sip.toString(), 403, sip.status());
            assertEquals("service", sip.json().get("field").asText());
            assertEquals(403, admin.post(API + "/machines/" + id + "/access", Map.of("source", Topology.CLIENT1, "service", "custom",
                "name", "trunk", "port", 5060, "protocol", "udp")).status());
            Soap.Reply soap = new Soap(new Http(d.httpPort(), null, null, "127.0.0.1"), "admin", d.adminPassword())
                .service("ProvisioningService").call("grantAccess", "<v1:machineId>" + id + "</v1:machineId><v1:grant><v1:source>"
                    + Topology.CLIENT1 + "</v1:source><v1:service>sip</v1:service></v1:grant>");
            assertEquals("FORBIDDEN", soap.faultCode());
            String cli = d.client("admin", d.adminPassword(), "mtm:grant " + id + " " + Topology.CLIENT1 + " sip");
            assertTrue(cli, cli.contains("SIP is locked"));
            assertEquals(4, admin.get(API + "/audit?action=access.grant&outcome=DENIED").json().get("total").asLong());

            // Drift behind the platform's back is found and repaired.
            assertEquals(0, admin.post(API + "/firewall/sync?repair=false", Map.of()).json().get("drift").size());
            Topology.flush(net, backend);
            assertEquals("", net.http(net.client1, Topology.MACHINE, 80));
            JsonNode drift = admin.post(API + "/firewall/sync?repair=false", Map.of()).json();
            assertTrue(drift.toString(), drift.get("drift").size() > 0);
            assertTrue(admin.post(API + "/firewall/sync", Map.of()).json().get("repaired").asBoolean());
            assertTrue(net.http(net.client1, Topology.MACHINE, 80).contains(serial));

            // Deleting the machine frees its port: nothing answers there any more.
            assertEquals(201, admin.post(API + "/machines/" + id + "/access", Map.of("source", Topology.CLIENT1, "service", "ssh")).status());
            assertTrue(net.banner(net.client1, Topology.PUBLIC, port).startsWith("SSH-2.0-dropbear"));
            long stop = admin.post(API + "/machines/" + id + "/stop", Map.of("confirm", true)).json().get("id").asLong();
            awaitJob(admin, stop, MINUTE, ProcessTestSupport.POLL, j -> "SUCCEEDED".equals(j.get("state").asText()));
            long delete = admin.delete(API + "/machines/" + id + "?confirm=true").json().get("id").asLong();
            awaitJob(admin, delete, MINUTE, ProcessTestSupport.POLL, j -> "SUCCEEDED".equals(j.get("state").asText()));
            assertEquals("", net.banner(net.client1, Topology.PUBLIC, port));
            assertFalse("the driver removed the machine's namespace", Containers.namespaceExists(serial));
            JsonNode after = admin.post(API + "/firewall/sync?repair=false", Map.of()).json();
            assertEquals(after.toString(), 0, after.get("forwards").asLong());
            assertEquals(0, after.get("drift").size());
        } finally {
            Containers.sweep();
        }
    }
}
