package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.itests.ProcessTestSupport.API;
import static org.mtmanager.itests.ProcessTestSupport.await;
import static org.mtmanager.itests.ProcessTestSupport.ok;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Three server nodes of the shipped distribution on one PostgreSQL database, on this machine, sharing its container
 * hosts ({@link Cluster}): creates through every node at once, a node killed with SIGKILL in the middle of a create
 * and of a multi-step upgrade, a driver step that throws what no driver should, a node stopped cleanly, and the
 * README's second node joining a first. Before each test every node runs again (a killed or stopped one is started).
 *
 * <p>The faulty driver's job backs off between attempts as shipped (15 s, 30 s, 1 min, 2 min, about four minutes in
 * all): its machine is created when the nodes start, and the test that sorts last checks it, so that the others run
 * meanwhile.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class SeveralNodesIT {
    private static final String PREFIX = "mtmmn-";
    private static final List<String> DUTIES = List.of("usage-ledger", "reconcile", "grant-expiry", "firewall-sync");
    /** How long another node may take to hold a dead node's job: its lease, and a poll and claim margin. */
    private static final Duration TAKEOVER = Cluster.LEASE.plusSeconds(10);
    /** Five attempts with the shipped pauses between them (about 4 minutes), and a margin for a loaded host. */
    private static final Duration FAULTY_ATTEMPTS = Duration.ofMinutes(8);

    private static Cluster cluster;
    private static long faultyJob;
    private static long faultyMachine;
    private static long faultyCreatedAt;

    @BeforeClass
    public static void startNodes() throws Exception {
        cluster = Cluster.start("nodes", 3, "mtmit", PREFIX, "mtmmn", "10.125");
        cluster.place(Cluster.FAULTY, true);
        try {
            JsonNode job = Cluster.create(cluster.admin(0), "pbx-faulty");
            faultyJob = job.get("id").asLong();
            faultyMachine = job.get("machineId").asLong();
            faultyCreatedAt = System.nanoTime();
        } finally {
            cluster.place(Cluster.FAULTY, false);
        }
        assertEquals(Cluster.FAULTY, ok(cluster.admin(0).get(API + "/machines/" + faultyMachine)).get("host").asText());
    }

    @AfterClass
    public static void stopNodes() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Before
    public void everyNodeRuns() throws Exception {
        cluster.ensureAllUp();
    }

    /**
     * Each node trusts a verified token for 5 s; a revocation made on one node reaches the others' caches by the
     * database's change notices, well within that.
     */
    @Test
    public void aTokenRevokedOnOneNodeIsRefusedByTheOthersAtOnce() throws Exception {
        JsonNode created = ok(cluster.admin(0).post(API + "/users/me/tokens", Map.of("name", "several-nodes", "scope", "read")));
        List<Http> bearers = new ArrayList<>();
        for (int n = 0; n < cluster.size(); n++) {
            bearers.add(new Http(cluster.node(n).httpPort(), null, null, "127.0.0.1")
                .withHeader("Authorization", "Bearer " + created.get("secret").asText()));
        }
        long firstUse = System.nanoTime();
        for (Http b : bearers) {
            ok(b.get(API + "/machines?limit=1")); // now trusted by every node for 5 s
        }
        ok(cluster.admin(0).delete(API + "/users/me/tokens/" + created.get("token").get("id").asLong()));
        Duration beforeRevocation = Duration.ofNanos(System.nanoTime() - firstUse);
        assertTrue("revoked while every node still trusted it: " + beforeRevocation, beforeRevocation.getSeconds() < 3);
        for (int n = 1; n < cluster.size(); n++) {
            Http b = bearers.get(n);
            int node = n;
            await(Duration.ofSeconds(1), Cluster.POLL, () -> Cluster.nodeName(node) + " refuses the revoked token",
                () -> b.get(API + "/machines?limit=1").status() == 401);
        }
    }

    @Test
    public void concurrentCreatesThroughEveryNodeRunEachMachineOnceWithAddressesAndPortsOfItsOwn() throws Exception {
        int perNode = 3;
        ExecutorService clients = Executors.newFixedThreadPool(cluster.size() * perNode);
        try {
            List<Future<JsonNode>> creates = new ArrayList<>();
            for (int i = 0; i < cluster.size() * perNode; i++) {
                Http through = cluster.admin(i % cluster.size());
                creates.add(clients.submit(() -> Cluster.create(through, "pbx-many")));
            }
            List<Long> machines = new ArrayList<>();
            for (Future<JsonNode> f : creates) {
                JsonNode job = f.get(3, TimeUnit.MINUTES);
                JsonNode done = cluster.awaitJob(job.get("id").asLong(), Duration.ofMinutes(3), ProcessTestSupport::ended);
                assertEquals(done.toString(), "SUCCEEDED", done.get("state").asText());
                machines.add(job.get("machineId").asLong());
            }
            Set<String> serials = new HashSet<>();
            Set<String> addresses = new HashSet<>();
            for (int i = 0; i < machines.size(); i++) {
                // read through another node than the one that took the create
                JsonNode m = ok(cluster.admin((i + 1) % cluster.size()).get(API + "/machines/" + machines.get(i)));
                assertEquals(m.toString(), "RUNNING", m.get("state").asText());
                assertEquals(Cluster.LOCAL, m.get("host").asText());
                assertTrue("serial once: " + m, serials.add(m.get("serial").asText()));
                assertTrue("internal address once: " + m, addresses.add(m.get("internalIp").asText()));
                String page = Containers.get(m.get("openUrl").asText());
                assertTrue("the machine's own container answers at its address: " + page,
                    page.startsWith("200 ") && page.contains(m.get("serial").asText()));
            }
            for (int n = 0; n < cluster.size(); n++) {
                JsonNode list = ok(cluster.admin(n).get(API + "/machines?limit=1000"));
                for (long id : machines) {
                    long seen = 0;
                    for (JsonNode m : list.get("items")) {
                        seen += m.get("id").asLong() == id && "RUNNING".equals(m.get("state").asText()) ? 1 : 0;
                    }
                    assertEquals(Cluster.nodeName(n) + " lists machine " + id + " once, RUNNING", 1, seen);
                }
            }
            assertTheHostHoldsExactlyThePlatformsMachines();

            List<Future<Http.Response>> grants = new ArrayList<>();
            for (int i = 0; i < machines.size(); i++) {
                Http through = cluster.admin(i % cluster.size());
                String path = API + "/machines/" + machines.get(i) + "/access";
                Map<String, Object> grant = Map.of("source", "198.18.77." + (i + 1), "service", "ssh");
                grants.add(clients.submit(() -> through.post(path, grant)));
            }
            Set<Integer> ports = new HashSet<>();
            for (Future<Http.Response> g : grants) {
                Http.Response r = g.get(2, TimeUnit.MINUTES);
                assertEquals(r.toString(), 201, r.status());
                assertTrue("public port once: " + r, ports.add(r.json().get("externalPort").asInt()));
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    public void killedDuringACreateAnotherNodeFinishesTheJobWithinTheLease() throws Exception {
        cluster.place(Cluster.PACED, true);
        JsonNode job;
        try {
            job = Cluster.create(cluster.admin(0), "pbx-killed");
        } finally {
            cluster.place(Cluster.PACED, false);
        }
        long jobId = job.get("id").asLong();
        long id = job.get("machineId").asLong();
        String serial = ok(cluster.admin(0).get(API + "/machines/" + id)).get("serial").asText();
        // The paced driver has made the container and holds the create's answer back: the job runs, on some node.
        String[] holder = {null};
        await(Duration.ofSeconds(60), Cluster.POLL, () -> "a node holds create job " + jobId + " with the container made",
            () -> {
                holder[0] = cluster.holder(jobId, -1).orElse(null);
                return holder[0] != null && cluster.namespaces().contains(PREFIX + serial);
            });
        int killed = cluster.index(holder[0]);
        Duration takeover = cluster.killAndAwaitTakeover(holder[0], jobId, TAKEOVER.plusSeconds(30));
        JsonNode done = cluster.awaitJob(jobId, Cluster.LEASE.plus(Cluster.PACE).plusSeconds(60), ProcessTestSupport::ended);
        assertEquals(done.toString(), "SUCCEEDED", done.get("state").asText());
        JsonNode m = ok(cluster.adminOn(killed).get(API + "/machines/" + id));
        assertEquals(m.toString(), "RUNNING", m.get("state").asText());
        assertEquals(Cluster.PACED, m.get("host").asText());
        assertTrue(Containers.get(m.get("openUrl").asText()).contains(serial));
        assertTheHostHoldsExactlyThePlatformsMachines();
        assertTrue("another node took the create over in " + takeover + " (lease " + Cluster.LEASE + ")",
            takeover.compareTo(TAKEOVER) <= 0);
    }

    @Test
    public void killedDuringAMultiStepUpgradeAnotherNodeFinishesItFromTheLastFinishedStep() throws Exception {
        Http admin = cluster.admin(0);
        String path = ok(admin.get(API + "/settings/pbx.upgrade-path")).get("value").asText();
        long id;
        try {
            assertEquals(200, admin.put(API + "/settings/pbx.upgrade-path", Map.of("value", "15.0")).status());
            cluster.place(Cluster.PACED, true);
            JsonNode job;
            try {
                job = Cluster.create(admin, "pbx-upgraded");
            } finally {
                cluster.place(Cluster.PACED, false);
            }
            id = job.get("machineId").asLong();
            JsonNode created = cluster.awaitJob(job.get("id").asLong(), Cluster.PACE.plusSeconds(90), ProcessTestSupport::ended);
            assertEquals(created.toString(), "SUCCEEDED", created.get("state").asText());
            assertEquals(200, admin.put(API + "/settings/pbx.upgrade-path", Map.of("value", "15.0 > 15.3 > 16.0 > 16.2")).status());

            Http.Response started = admin.post(API + "/machines/" + id + "/upgrade", Map.of("password", cluster.node(0).adminPassword()));
            assertEquals(started.toString(), 2, started.status() / 100);
            long jobId = started.json().get("id").asLong();
            String[] holder = {null};
            await(Duration.ofSeconds(60), Cluster.POLL, () -> "a node holds upgrade job " + jobId + " in its second step", () -> {
                JsonNode j = ok(cluster.adminOn(-1).get(API + "/jobs/" + jobId));
                holder[0] = cluster.holder(jobId, -1).orElse(null);
                return holder[0] != null && j.get("step").asText().startsWith("step 2/3");
            });
            int killed = cluster.index(holder[0]);
            Duration takeover = cluster.killAndAwaitTakeover(holder[0], jobId, TAKEOVER.plusSeconds(30));
            JsonNode done = cluster.awaitJob(jobId, Cluster.LEASE.plus(Cluster.PACE.multipliedBy(3)).plusSeconds(60),
                ProcessTestSupport::ended);
            assertEquals(done.toString(), "SUCCEEDED", done.get("state").asText());
            JsonNode m = ok(cluster.adminOn(killed).get(API + "/machines/" + id));
            assertEquals(m.toString(), "RUNNING", m.get("state").asText());
            assertEquals("16.2", m.get("pbxVersion").asText());
            assertTrue("the machine itself runs 16.2", Containers.get(m.get("openUrl").asText()).contains("MT PBX 16.2"));
            assertTheHostHoldsExactlyThePlatformsMachines();
            assertTrue("another node took the upgrade over in " + takeover + " (lease " + Cluster.LEASE + ")",
                takeover.compareTo(TAKEOVER) <= 0);
        } finally {
            cluster.adminOn(-1).put(API + "/settings/pbx.upgrade-path", Map.of("value", path));
        }
    }

    @Test
    public void readmesSecondNodeJoinsTheFirstAndEveryNodeSeesEveryNodeUp() throws Exception {
        // Cluster.join is the README's walk-through; here node-2 and node-3 joined node-1 that way.
        for (int asked = 0; asked < cluster.size(); asked++) {
            JsonNode view = ok(cluster.admin(asked).get(API + "/nodes"));
            assertEquals(view.toString(), cluster.size(), view.get("total").asInt());
            for (int n = 0; n < cluster.size(); n++) {
                JsonNode row = Cluster.row(view, Cluster.nodeName(n)).orElseThrow(() -> new AssertionError(view.toString()));
                assertEquals(row.toString(), "UP", row.get("state").asText());
                assertFalse(row.toString(), row.get("heartbeatAt").isNull());
                assertFalse(row.toString(), row.get("startedAt").isNull());
            }
        }
        String console = cluster.node(1).client("admin", cluster.node(1).adminPassword(), "mtm:node-list");
        for (int n = 0; n < cluster.size(); n++) {
            assertTrue(console, console.contains(Cluster.nodeName(n)));
        }
    }

    @Test
    public void stoppedCleanlyANodesDutiesMoveToAnother() throws Exception {
        JsonNode first = cluster.nodesView(-1);
        assertTrue("GET /nodes shows the duties each node holds: " + first, first.get("items").get(0).has("duties"));
        Map<String, List<String>> held = new HashMap<>();
        await(Duration.ofSeconds(60), Cluster.POLL, () -> "every duty held by a node: " + held, () -> {
            held.clear();
            held.putAll(duties(cluster.nodesView(-1)));
            return held.keySet().containsAll(DUTIES);
        });
        String holder = held.get(DUTIES.get(0)).get(0);
        int stopped = cluster.index(holder);
        cluster.node(stopped).stop();

        JsonNode[] view = {null};
        await(Cluster.LEASE.plusSeconds(30), Cluster.POLL, () -> holder + " STOPPED, and its duties on running nodes: " + view[0], () -> {
            view[0] = cluster.nodesView(stopped);
            JsonNode row = Cluster.row(view[0], holder).orElseThrow();
            Map<String, List<String>> now = duties(view[0]);
            return "STOPPED".equals(row.get("state").asText()) && row.get("duties").size() == 0
                && DUTIES.stream().allMatch(d -> now.getOrDefault(d, List.of()).size() == 1 && !now.get(d).contains(holder));
        });
        for (JsonNode n : view[0].get("items")) {
            if (n.get("duties").size() > 0) {
                assertEquals("a duty holder runs: " + n, "UP", n.get("state").asText());
            }
        }
    }

    @Test
    public void unexpectedExceptionsFromADriverStepAreRetriedThenFailAndLeaveTheMachineActionable() throws Exception {
        Duration left = FAULTY_ATTEMPTS.minusNanos(System.nanoTime() - faultyCreatedAt);
        JsonNode job = cluster.awaitJob(faultyJob, left.isNegative() ? Duration.ofSeconds(1) : left, ProcessTestSupport::ended);
        assertEquals(job.toString(), "FAILED", job.get("state").asText());
        assertTrue("retried before it failed: " + job, job.get("attempts").asInt() >= 2);
        assertTrue("says what failed: " + job, job.get("error").asText().contains("fails as a bug would"));
        Http admin = cluster.adminOn(-1);
        JsonNode m = ok(admin.get(API + "/machines/" + faultyMachine));
        assertEquals(m.toString(), "ERROR", m.get("state").asText());

        Http.Response stop = admin.post(API + "/machines/" + faultyMachine + "/stop", Map.of("confirm", true));
        assertEquals("a stop is accepted: " + stop, 2, stop.status() / 100);
        cluster.awaitJob(stop.json().get("id").asLong(), Duration.ofMinutes(2), ProcessTestSupport::ended);
        Http.Response delete = admin.delete(API + "/machines/" + faultyMachine + "?confirm=true");
        assertEquals("a delete is accepted: " + delete, 2, delete.status() / 100);
        JsonNode deleted = cluster.awaitJob(delete.json().get("id").asLong(), Duration.ofMinutes(2), ProcessTestSupport::ended);
        assertEquals(deleted.toString(), "SUCCEEDED", deleted.get("state").asText());
        assertEquals("DELETED", ok(admin.get(API + "/machines/" + faultyMachine)).get("state").asText());
    }

    /**
     * No orphan and no duplicate: the namespaces of this test's prefix are exactly those of the platform's machines
     * on container hosts that are not deleted (the faulty host's create never makes one).
     */
    private static void assertTheHostHoldsExactlyThePlatformsMachines() throws Exception {
        Set<String> expected = new TreeSet<>();
        for (JsonNode m : ok(cluster.adminOn(-1).get(API + "/machines?limit=1000")).get("items")) {
            if (!"DELETED".equals(m.get("state").asText()) && !Cluster.FAULTY.equals(m.get("host").asText())) {
                expected.add(PREFIX + m.get("serial").asText());
            }
        }
        assertEquals("one container per machine, none other", expected, new TreeSet<>(cluster.namespaces()));
    }

    /** Duty name to the nodes holding it, from a {@code GET /nodes} view. */
    private static Map<String, List<String>> duties(JsonNode view) {
        Map<String, List<String>> held = new HashMap<>();
        for (JsonNode n : view.get("items")) {
            JsonNode duties = n.get("duties");
            if (duties != null) {
                duties.forEach(d -> held.computeIfAbsent(d.asText(), k -> new ArrayList<>()).add(n.get("name").asText()));
            }
        }
        return held;
    }
}
