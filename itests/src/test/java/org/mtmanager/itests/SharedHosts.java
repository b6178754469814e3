package org.mtmanager.itests;

import static org.mtmanager.itests.ProcessTestSupport.API;
import static org.mtmanager.itests.ProcessTestSupport.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The hosts that a {@link Cluster}'s nodes share, the same configuration on every node: container hosts with names
 * of the test's own (namespace prefix, bridges, networks), each with one state directory that every node uses.
 * {@code local} is the container driver's; {@code paced} and {@code faulty} are the test driver's ({@link
 * TestDriverBundle}): a paced create or upgrade step pauses before it returns, a faulty create throws. New machines
 * go to {@code local} unless the test opens one of the other two for placement ({@link #place}); they are larger,
 * so an open one wins.
 */
final class SharedHosts {
    static final String LOCAL = "local";
    static final String PACED = "paced";
    static final String FAULTY = "faulty";
    /** How long a paced create or upgrade step waits before it returns. */
    static final Duration PACE = Duration.ofSeconds(4);

    private final String prefix;
    private final List<String> bridges;
    private final String net;
    private final Path shared;

    /**
     * @param prefix     the machines' namespace prefix, which marks everything of the test's on this machine
     * @param bridgeStem the hosts' bridges are this plus 0, 1, 2
     * @param net        the first two octets of the hosts' networks (NET.0.0/24, NET.1.0/24, NET.2.0/24)
     */
    SharedHosts(String name, String prefix, String bridgeStem, String net) throws IOException {
        this.prefix = prefix;
        this.bridges = List.of(bridgeStem + "0", bridgeStem + "1", bridgeStem + "2");
        this.net = net;
        this.shared = Files.createDirectories(Paths.get("target", name + "-hosts-" + System.nanoTime()).toAbsolutePath());
    }

    /** Writes the three hosts' configurations into the etc/ of the first node (the others copy them). */
    void configure(Distribution d) throws IOException {
        Path local = d.home().resolve("etc/org.mtmanager.host-local.cfg");
        Distribution.set(local, "bridge", bridges.get(0));
        Distribution.set(local, "network", net + ".0.0/24");
        Distribution.set(local, "namespacePrefix", prefix);
        Distribution.set(local, "stateDir", shared.resolve("containers/" + LOCAL).toString());
        testHost(d, PACED, bridges.get(1), net + ".1.0/24", "pauseMillis", String.valueOf(PACE.toMillis()));
        testHost(d, FAULTY, bridges.get(2), net + ".2.0/24", "throwOn", "create");
    }

    /** A host of the test driver's: its driver type is the host's name. */
    private void testHost(Distribution d, String host, String bridge, String network, String key, String value)
        throws IOException {
        Path cfg = d.home().resolve("etc/org.mtmanager.host-" + host + ".cfg");
        Distribution.set(cfg, "name", host);
        Distribution.set(cfg, "driver", host);
        Distribution.set(cfg, "bridge", bridge);
        Distribution.set(cfg, "network", network);
        Distribution.set(cfg, "namespacePrefix", prefix);
        Distribution.set(cfg, "stateDir", shared.resolve("containers/" + host).toString());
        Distribution.set(cfg, "placeWhile", flag(host).toString());
        Distribution.set(cfg, "vcpu", "1000");
        Distribution.set(cfg, "memoryMb", "10000000");
        Distribution.set(cfg, "diskGb", "100000");
        Distribution.set(cfg, key, value);
    }

    /** The test driver's bundle, for each node's deploy/. */
    Path testDriver() throws IOException {
        return TestDriverBundle.write(shared);
    }

    private Path flag(String host) {
        return shared.resolve("place-on-" + host);
    }

    /** Opens a test host for new machines, or closes it again. */
    void place(String host, boolean open) throws IOException {
        if (open) {
            Files.writeString(flag(host), "");
        } else {
            Files.deleteIfExists(flag(host));
        }
    }

    /**
     * Waits until a node has the three hosts, with their drivers deployed (the test driver arrives through deploy/,
     * after the REST API answers): no problems on {@code local}, and only their closed placement on the others.
     */
    void awaitReady(Distribution d) throws Exception {
        Http admin = d.admin();
        for (String host : List.of(LOCAL, PACED, FAULTY)) {
            List<String> expected = LOCAL.equals(host) ? List.of() : List.of("the test places no machine on host " + host + " now");
            JsonNode[] last = {null};
            await(Duration.ofSeconds(60), Cluster.POLL, () -> d.home() + " has host " + host + " ready: " + last[0], () -> {
                Http.Response r = admin.get(API + "/hosts/" + host);
                last[0] = r.status() == 200 ? r.json() : null;
                if (last[0] == null) {
                    return false;
                }
                List<String> problems = new ArrayList<>();
                last[0].get("problems").forEach(p -> problems.add(p.asText()));
                return problems.equals(expected);
            });
        }
    }

    /** The namespaces of the test's machines on this machine, by name. */
    List<String> namespaces() throws IOException {
        Path netns = Path.of("/run/netns");
        if (!Files.isDirectory(netns)) {
            return List.of();
        }
        try (var names = Files.list(netns)) {
            return names.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
        }
    }

    /** Removes the test's namespaces (killing their processes), bridges and control groups. */
    void sweep() throws IOException, InterruptedException {
        for (String bridge : bridges) {
            Containers.sweep(prefix, bridge);
        }
    }
}
