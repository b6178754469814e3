package org.mtmanager.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.mtmanager.store.testing.PostgresServer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Several server nodes of the shipped distribution on one PostgreSQL database of the test's own, all on this
 * machine, so that they share its containers. The first node is set up as a newcomer's server on PostgreSQL; every
 * further one joins it as the README's "Several nodes" section says (the same release unpacked, the first's
 * datasource and hosts' configurations, a node name of its own, and on one machine ports of its own).
 *
 * <p>Its hosts, the same on every node, are container hosts with names of the test's own (namespace prefix, bridges,
 * networks) and one state directory each that every node shares: {@code local} (the container driver), and two of
 * the test driver's ({@link TestDriverBundle}): {@code paced}, whose creates and upgrade steps pause before they
 * return, and {@code faulty}, whose creates throw. New machines go to {@code local} unless the test opens one of the
 * other two for placement ({@link #place}); they are larger, so an open one wins.
 */
final class Cluster implements AutoCloseable {
    static final String API = "/mtm/api/v1";
    static final String LOCAL = "local";
    static final String PACED = "paced";
    static final String FAULTY = "faulty";
    /** How long a paced create or upgrade step waits before it returns. */
    static final Duration PACE = Duration.ofSeconds(4);
    /** The shipped lease of a node's jobs and duties (etc/org.mtmanager.node.cfg leaseSeconds). */
    static final Duration LEASE = Duration.ofSeconds(10);

    private final String prefix;
    private final List<String> bridges;
    private final Path shared;
    private final String database;
    private final List<Distribution> nodes = new ArrayList<>();

    private Cluster(String prefix, List<String> bridges, Path shared, String database) {
        this.prefix = prefix;
        this.bridges = bridges;
        this.shared = shared;
        this.database = database;
    }

    /**
     * Starts {@code size} nodes named node-1, node-2, ...: the first alone (it makes the platform), then the others
     * together.
     *
     * @param database   the database name's prefix: mtmit for a test, mtmbench for a benchmark
     * @param prefix     the machines' namespace prefix, which marks everything of the test's on this machine
     * @param bridgeStem the hosts' bridges are this plus 0, 1, 2
     * @param net        the first two octets of the hosts' networks (NET.0.0/24, NET.1.0/24, NET.2.0/24)
     */
    static Cluster start(String name, int size, String database, String prefix, String bridgeStem, String net) throws Exception {
        Containers.sweep(prefix, bridgeStem + "0"); // an interrupted run's
        Containers.sweep(prefix, bridgeStem + "1");
        Containers.sweep(prefix, bridgeStem + "2");
        PostgresServer pg = PostgresServer.get();
        Path shared = Files.createDirectories(Paths.get("target", name + "-hosts-" + System.nanoTime()).toAbsolutePath());
        Cluster c = new Cluster(prefix, List.of(bridgeStem + "0", bridgeStem + "1", bridgeStem + "2"), shared,
            pg.createDatabase(database));
        try {
            Distribution first = Distribution.unpack(name + "-node-1").onPostgres(pg.url(c.database), pg.user()).node(nodeName(0));
            hosts(first, prefix, c.bridges, shared, net);
            first.deploy(TestDriverBundle.write(shared));
            c.nodes.add(first);
            first.start();
            first.awaitRest(Duration.ofMinutes(3));
            for (int i = 1; i < size; i++) {
                Distribution d = join(first, name + "-node-" + (i + 1), nodeName(i));
                d.deploy(TestDriverBundle.write(shared));
                c.nodes.add(d);
                d.start();
            }
            for (Distribution d : c.nodes) {
                d.awaitRest(Duration.ofMinutes(3));
            }
            c.awaitHosts();
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
                Files.copy(cfg, d.home().resolve("etc").resolve(cfg.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return d.node(nodeName);
    }

    static String nodeName(int index) {
        return "node-" + (index + 1);
    }

    /**
     * Waits until every node has the three hosts, with their drivers deployed (the test driver arrives through
     * deploy/, after the REST API answers): only the container driver's problems, if any, and the test hosts'
     * closed placement.
     */
    private void awaitHosts() throws Exception {
        for (int i = 0; i < nodes.size(); i++) {
            Http admin = admin(i);
            String node = nodeName(i);
            for (String host : List.of(LOCAL, PACED, FAULTY)) {
                String closed = "the test places no machine on host " + host + " now";
                JsonNode[] last = {null};
                await(Duration.ofSeconds(60), () -> node + " has host " + host + " ready: " + last[0], () -> {
                    Http.Response r = admin.get(API + "/hosts/" + host);
                    last[0] = r.status() == 200 ? r.json() : null;
                    if (last[0] == null) {
                        return false;
                    }
                    List<String> problems = new ArrayList<>();
                    last[0].get("problems").forEach(p -> problems.add(p.asText()));
                    return LOCAL.equals(host) ? problems.isEmpty() : problems.equals(List.of(closed));
                });
            }
        }
    }

    /** Writes the three hosts' configurations into {@code d}'s etc/. */
    static void hosts(Distribution d, String prefix, List<String> bridges, Path shared, String net) throws IOException {
        Path local = d.home().resolve("etc/org.mtmanager.host-local.cfg");
        Distribution.set(local, "bridge", bridges.get(0));
        Distribution.set(local, "network", net + ".0.0/24");
        Distribution.set(local, "namespacePrefix", prefix);
        Distribution.set(local, "stateDir", shared.resolve("containers/" + LOCAL).toString());
        testHost(d, shared, prefix, PACED, bridges.get(1), net + ".1.0/24", "pauseMillis", String.valueOf(PACE.toMillis()));
        testHost(d, shared, prefix, FAULTY, bridges.get(2), net + ".2.0/24", "throwOn", "create");
    }

    /** A host of the test driver's: its driver type is the host's name. */
    private static void testHost(Distribution d, Path shared, String prefix, String host, String bridge, String network,
                                 String key, String value) throws IOException {
        Path cfg = d.home().resolve("etc/org.mtmanager.host-" + host + ".cfg");
        Distribution.set(cfg, "name", host);
        Distribution.set(cfg, "driver", host);
        Distribution.set(cfg, "bridge", bridge);
        Distribution.set(cfg, "network", network);
        Distribution.set(cfg, "namespacePrefix", prefix);
        Distribution.set(cfg, "stateDir", shared.resolve("containers/" + host).toString());
        Distribution.set(cfg, "placeWhile", flag(shared, host).toString());
        Distribution.set(cfg, "vcpu", "1000");
        Distribution.set(cfg, "memoryMb", "10000000");
        Distribution.set(cfg, "diskGb", "100000");
        Distribution.set(cfg, key, value);
    }

    private static Path flag(Path shared, String host) {
        return shared.resolve("place-on-" + host);
    }

    /** Opens a test host for new machines, or closes it again. */
    void place(String host, boolean open) throws IOException {
        if (open) {
            Files.writeString(flag(shared, host), "");
        } else {
            Files.deleteIfExists(flag(shared, host));
        }
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
        await(timeout, () -> "another node than " + holder + " holds job " + jobId + ": " + view(), () -> {
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
        String hostname = hostnamePrefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        Http.Response draft = admin.post(API + "/machines/drafts", Map.of("hostname", hostname, "plan", "SS", "customer",
            Map.of("company", "Nodos SL", "contact", "Ana Garcia", "email", "ana@nodos.example", "phone", "+34 910 000 000",
                "address", "Calle Mayor 1, Madrid", "taxId", "B12345678")));
        if (draft.status() != 201) {
            throw new AssertionError("draft: " + draft);
        }
        Http.Response job = admin.post(API + "/machines", Map.of("draftId", draft.json().get("id").asLong()));
        if (job.status() / 100 != 2) {
            throw new AssertionError("create: " + job);
        }
        return job.json();
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
        await(Duration.ofSeconds(60), () -> "every node UP in GET /nodes: " + view(), () -> {
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
        Path netns = Path.of("/run/netns");
        if (!Files.isDirectory(netns)) {
            return List.of();
        }
        try (var names = Files.list(netns)) {
            return names.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
        }
    }

    String prefix() {
        return prefix;
    }

    /** Polls a job until {@code done} holds for it (through any running node), within {@code timeout}. */
    JsonNode awaitJob(long jobId, Duration timeout, Predicate<JsonNode> done) throws Exception {
        JsonNode[] last = {null};
        await(timeout, () -> "job " + jobId + ": " + last[0], () -> {
            Http.Response r = adminOn(-1).get(API + "/jobs/" + jobId);
            last[0] = r.status() == 200 ? r.json() : null;
            return last[0] != null && done.test(last[0]);
        });
        return last[0];
    }

    /** A condition that a test polls, which may throw while a node goes away. */
    interface Condition {
        boolean holds() throws Exception;
    }

    static void await(Duration timeout, Supplier<String> what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        AssertionError lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (AssertionError connectionOrStatus) {
                lastError = connectionOrStatus; // a node going away answers nothing for a moment
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        AssertionError e = new AssertionError("not within " + timeout + ": " + what.get());
        if (lastError != null) {
            e.addSuppressed(lastError);
        }
        throw e;
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
            for (String bridge : bridges) {
                Containers.sweep(prefix, bridge);
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
