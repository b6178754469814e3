package org.mtmanager.itests;

import static org.mtmanager.itests.ProcessTestSupport.API;
import static org.mtmanager.itests.ProcessTestSupport.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.mtmanager.store.testing.PostgresServer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Several server nodes of the shipped distribution on one PostgreSQL database of the test's own, all on this
 * machine, so that they share its containers ({@link SharedHosts}). The first node is set up as a newcomer's server
 * on PostgreSQL; every further one joins it as the README's "Several nodes" section says (the same release unpacked,
 * the first's datasource and hosts' configurations, a node name of its own, and on one machine ports of its own).
 */
final class Cluster implements AutoCloseable {
    static final String LOCAL = SharedHosts.LOCAL;
    static final String PACED = SharedHosts.PACED;
    static final String FAULTY = SharedHosts.FAULTY;
    static final Duration PACE = SharedHosts.PACE;
    /** The shipped lease of a node's jobs and duties (etc/org.mtmanager.node.cfg leaseSeconds). */
    static final Duration LEASE = Duration.ofSeconds(10);
    /** How often a test of several nodes polls: a takeover is timed to it. */
    static final Duration POLL = Duration.ofMillis(50);

    private final SharedHosts hosts;
    private final String database;
    private final List<Distribution> nodes = new ArrayList<>();

    private Cluster(SharedHosts hosts, String database) {
        this.hosts = hosts;
        this.database = database;
    }

    /**
     * Starts {@code size} nodes named node-1, node-2, ...: the first alone (it makes the platform), then the others
     * together.
     *
     * @param database the database name's prefix: mtmit for a test, mtmbench for a benchmark
     * @param prefix   the machines' namespace prefix; with bridgeStem and net, see {@link SharedHosts}
     */
    static Cluster start(String name, int size, String database, String prefix, String bridgeStem, String net) throws Exception {
        SharedHosts hosts = new SharedHosts(name, prefix, bridgeStem, net);
        hosts.sweep(); // an interrupted run's
        PostgresServer pg = PostgresServer.get();
        Cluster c = new Cluster(hosts, pg.createDatabase(database));
        try {
            Distribution first = Distribution.unpack(name + "-node-1").onPostgres(pg.url(c.database), pg.user()).node(nodeName(0));
            hosts.configure(first);
            first.deploy(hosts.testDriver());
            c.nodes.add(first);
            first.start();
            first.awaitRest(Duration.ofMinutes(3));
            for (int i = 1; i < size; i++) {
                Distribution d = join(first, name + "-node-" + (i + 1), nodeName(i));
                d.deploy(hosts.testDriver());
                c.nodes.add(d);
                d.start();
            }
            for (Distribution d : c.nodes) {
                d.awaitRest(Duration.ofMinutes(3));
            }
            for (Distribution d : c.nodes) {
                hosts.awaitReady(d);
            }
            return c;
        } catch (Exception | AssertionError e) {
            c.close();
            throw e;
        }
    }

    /**
     * The README's second node, on this machine: the same release unpacked (with ports of its own: {@link
     * Distribution#unpack} moves every listener), the first node's database and hosts, and a name of its own.
     */
    static Distribution join(Distribution first, String dir, String nodeName) throws Exception {
        Distribution d = Distribution.unpack(dir).joining(first);
        try (var configs = Files.list(first.home().resolve("etc"))) {
            for (Path cfg : configs.filter(f -> f.getFileName().toString().matches(
                    "org\\.ops4j\\.datasource-mtm\\.cfg|org\\.mtmanager\\.host-.*\\.cfg")).toList()) {
                Files.copy(cfg, d.home().resolve("etc").resolve(cfg.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return d.node(nodeName);
    }

    static String nodeName(int index) {
        return "node-" + (index + 1);
    }

    /** Opens a test host for new machines, or closes it again. */
    void place(String host, boolean open) throws IOException {
        hosts.place(host, open);
    }

    int size() {
        return nodes.size();
    }

    Distribution node(int index) {
        return nodes.get(index);
    }

    int index(String nodeName) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodeName(i).equals(nodeName)) {
                return i;
            }
        }
        throw new AssertionError("no node " + nodeName);
    }

    /** The platform administrator through node {@code index}. */
    Http admin(int index) throws IOException {
        return nodes.get(index).admin();
    }

    /** The platform administrator through some running node other than {@code except} (-1: any). */
    Http adminOn(int except) throws IOException {
        for (int i = 0; i < nodes.size(); i++) {
            if (i != except && nodes.get(i).running()) {
                return nodes.get(i).admin();
            }
        }
        throw new AssertionError("no node runs");
    }

    /** {@code GET /nodes} through a running node other than {@code except}. */
    JsonNode nodesView(int except) throws IOException {
        Http.Response r = adminOn(except).get(API + "/nodes");
        if (r.status() != 200) {
            throw new AssertionError("GET /nodes: " + r);
        }
        return r.json();
    }

    /** One node's row of {@code GET /nodes}, asked through another. */
    static Optional<JsonNode> row(JsonNode view, String nodeName) {
        for (JsonNode n : view.get("items")) {
            if (nodeName.equals(n.get("name").asText())) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /** The node that holds a job now, by {@code GET /nodes}; empty while none does. */
    Optional<String> holder(long jobId, int askAnyBut) throws IOException {
        for (JsonNode n : nodesView(askAnyBut).get("items")) {
            for (JsonNode j : n.get("jobs")) {
                if (j.asLong() == jobId) {
                    return Optional.of(n.get("name").asText());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Kills the node that holds a job with SIGKILL, and waits until another node holds the job (or it is done);
     * returns how long after the kill that was.
     */
    Duration killAndAwaitTakeover(String holder, long jobId, Duration timeout) throws Exception {
        int killed = index(holder);
        Distribution d = nodes.get(killed);
        if (!d.running()) {
            throw new AssertionError(holder + ", which holds job " + jobId + ", does not run");
        }
        d.kill9();
        long killedAt = System.nanoTime();
        await(timeout, POLL, () -> "another node than " + holder + " holds job " + jobId + ": " + view(), () -> {
            // the dead node's row may list the job until another node claims it
            Optional<String> now = holder(jobId, killed);
            if (now.isPresent() && !now.get().equals(holder)) {
                return true;
            }
            Http.Response job = adminOn(killed).get(API + "/jobs/" + jobId);
            return job.status() == 200 && job.json().get("state").asText().matches("SUCCEEDED|FAILED");
        });
        return Duration.ofNanos(System.nanoTime() - killedAt);
    }

    /** Starts a machine's create (a draft, then the machine) and returns its job. */
    static JsonNode create(Http admin, String hostnamePrefix) {
        return ProcessTestSupport.create(admin, hostnamePrefix + "-" + UUID.randomUUID().toString().substring(0, 6), "SS",
            "Nodos SL");
    }

    /** Starts again every node that was killed or stopped, and waits until each answers and is UP. */
    void ensureAllUp() throws Exception {
        for (Distribution d : nodes) {
            if (!d.running()) {
                d.start();
            }
        }
        for (Distribution d : nodes) {
            d.awaitRest(Duration.ofMinutes(3));
        }
        await(Duration.ofSeconds(60), POLL, () -> "every node UP in GET /nodes: " + view(), () -> {
            JsonNode v = nodesView(-1);
            for (int i = 0; i < nodes.size(); i++) {
                Optional<JsonNode> r = row(v, nodeName(i));
                if (r.isEmpty() || !"UP".equals(r.get().get("state").asText())) {
                    return false;
                }
            }
            return true;
        });
    }

    private JsonNode view() {
        try {
            return nodesView(-1);
        } catch (IOException | AssertionError e) {
            return Http.JSON.getNodeFactory().textNode(e.toString());
        }
    }

    /** The namespaces of this test's machines on this machine, by name. */
    List<String> namespaces() throws IOException {
        return hosts.namespaces();
    }

    /** Polls a job until {@code done} holds for it (through any running node), within {@code timeout}. */
    JsonNode awaitJob(long jobId, Duration timeout, Predicate<JsonNode> done) throws Exception {
        JsonNode[] last = {null};
        await(timeout, POLL, () -> "job " + jobId + ": " + last[0], () -> {
            Http.Response r = adminOn(-1).get(API + "/jobs/" + jobId);
            last[0] = r.status() == 200 ? r.json() : null;
            return last[0] != null && done.test(last[0]);
        });
        return last[0];
    }

    /** Stops every node (killing any that does not stop), drops the database and sweeps the test's namespaces. */
    @Override
    public void close() throws Exception {
        Exception first = null;
        for (Distribution d : nodes) {
            try {
                d.close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        try {
            PostgresServer.get().dropDatabase(database);
        } finally {
            hosts.sweep();
        }
        if (first != null) {
            throw first;
        }
    }
}
