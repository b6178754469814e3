package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.itests.ProcessTestSupport.API;
import static org.mtmanager.itests.ProcessTestSupport.awaitJob;
import static org.mtmanager.itests.ProcessTestSupport.create;
import static org.mtmanager.itests.ProcessTestSupport.ended;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.Assume;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server is killed with SIGKILL in the middle of a create and in the middle of a multi-step upgrade, on the
 * container driver (whose machines outlive the server, as real ones do), then started again: every job is
 * finished or rolled back, the database and the host agree, and nothing is left behind.
 */
public class CrashIT {
    /** Fast enough to catch a job between two of its steps. */
    private static final Duration POLL = Duration.ofMillis(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    public void killDuringACreateAndDuringAnUpgradeThenRestart() throws Exception {
        try (Distribution d = Distribution.unpack("crash")) {
            Path host = d.home().resolve("etc/org.mtmanager.host-local.cfg");
            Distribution.set(host, "bridge", Containers.BRIDGE);
            Distribution.set(host, "network", Containers.NETWORK);
            Distribution.set(host, "namespacePrefix", Containers.PREFIX);
            d.start();
            d.awaitRest(Duration.ofMinutes(3));
            Http admin = d.admin();
            JsonNode nodes = admin.get(API + "/nodes").json();
            assertEquals(nodes.toString(), 1, nodes.get("total").asInt());
            assertEquals(nodes.toString(), "UP", nodes.get("items").get(0).get("state").asText());
            JsonNode local = admin.get(API + "/hosts/local").json();
            Assume.assumeTrue("the container driver cannot run here: " + local.get("problems"), local.get("usable").asBoolean());
            assertEquals(200, admin.put(API + "/settings/pbx.upgrade-path", Map.of("value", "15.0")).status());

            // 1. Killed during a create: the job is resumed at the next start and the machine runs, once.
            JsonNode create = create(admin, "pbx-crash", "SS", "Crash SL");
            long id = create.get("machineId").asLong();
            JsonNode started = awaitJob(admin, create.get("id").asLong(), TIMEOUT, POLL, j -> !"PENDING".equals(j.get("state").asText()));
            kill(d);
            assertTrue("the create was cut short", !"SUCCEEDED".equals(started.get("state").asText()));

            d.start();
            d.awaitRest(Duration.ofMinutes(3));
            admin = d.admin();
            JsonNode created = awaitJob(admin, create.get("id").asLong(), TIMEOUT, POLL, ProcessTestSupport::ended);
            assertEquals(created.toString(), "SUCCEEDED", created.get("state").asText());
            JsonNode restarted = admin.get(API + "/nodes").json().get("items").get(0);
            assertEquals("the node's row is its own again after the kill", "UP", restarted.get("state").asText());
            assertEquals(restarted.toString(), 0, restarted.get("jobs").size());
            JsonNode m = admin.get(API + "/machines/" + id).json();
            assertEquals("RUNNING", m.get("state").asText());
            String serial = m.get("serial").asText();
            assertEquals("one namespace, the machine's", List.of(Containers.PREFIX + serial), namespaces());
            assertTrue(Containers.get(m.get("openUrl").asText()).contains("MT PBX 15.0"));

            // 2. Killed between two steps of a three-step upgrade: resumed from the last finished step.
            assertEquals(200, admin.put(API + "/settings/pbx.upgrade-path", Map.of("value", "15.0 > 15.3 > 16.0 > 16.2")).status());
            JsonNode upgrade = admin.post(API + "/machines/" + id + "/upgrade", Map.of("password", d.adminPassword())).json();
            JsonNode stepping = awaitJob(admin, upgrade.get("id").asLong(), TIMEOUT, POLL,
                j -> j.get("step").asText().startsWith("step 2/3") || ended(j));
            kill(d);
            assertEquals("killed while the job was running", "RUNNING", stepping.get("state").asText());

            d.start();
            d.awaitRest(Duration.ofMinutes(3));
            admin = d.admin();
            JsonNode upgraded = awaitJob(admin, upgrade.get("id").asLong(), TIMEOUT, POLL, ProcessTestSupport::ended);
            assertEquals(upgraded.toString(), "SUCCEEDED", upgraded.get("state").asText());
            m = admin.get(API + "/machines/" + id).json();
            assertEquals("RUNNING", m.get("state").asText());
            assertEquals("16.2", m.get("pbxVersion").asText());
            assertTrue("the machine itself runs 16.2", Containers.get(m.get("openUrl").asText()).contains("MT PBX 16.2"));
            JsonNode drift = admin.post(API + "/reconcile?repair=false", Map.of()).json();
            assertEquals(drift.toString(), 0, drift.get("drifts").size());
            assertEquals(List.of(Containers.PREFIX + serial), namespaces());
        } finally {
            Containers.sweep();
        }
    }

    private static void kill(Distribution d) throws Exception {
        ProcessHandle p = ProcessHandle.of(d.pid()).orElseThrow();
        p.destroyForcibly();
        p.onExit().get(30, TimeUnit.SECONDS);
    }

    private static List<String> namespaces() throws Exception {
        Path netns = Path.of("/run/netns");
        try (var names = Files.list(netns)) {
            return names.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(Containers.PREFIX)).sorted().toList();
        }
    }
}
