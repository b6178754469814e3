package org.mtmanager.itests;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The container hosts of the itests: a bridge, a network and a namespace prefix of their own (10.123.0.0/24 is
 * routed to the test bridge only, and its machines have no route out), and the sweep that removes whatever a
 * test left: its namespaces, their processes (by PID), the bridge.
 */
final class Containers {
    static final String BRIDGE = "mtmit0";
    static final String NETWORK = "10.123.0.0/24";
    static final String PREFIX = "mtmit-";

    private Containers() {
    }

    static boolean namespaceExists(String serial) {
        return namespaceExists(PREFIX, serial);
    }

    static boolean namespaceExists(String prefix, String serial) {
        return Files.exists(Path.of("/run/netns", prefix + serial));
    }

    /** Kills the processes of every test namespace, deletes the namespaces and the test bridge. */
    static void sweep() throws IOException, InterruptedException {
        sweep(PREFIX, BRIDGE);
    }

    /** The same for a test with names of its own (PortalIT: mtmpt-, mtmpt0), so that tests never touch each other's. */
    static void sweep(String prefix, String bridge) throws IOException, InterruptedException {
        Path netns = Path.of("/run/netns");
        if (Files.isDirectory(netns)) {
            try (var names = Files.list(netns)) {
                for (Path ns : names.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                    String name = ns.getFileName().toString();
                    for (String pid : run("ip", "netns", "pids", name).lines().filter(l -> !l.isBlank()).toList()) {
                        ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
                    }
                    run("ip", "netns", "del", name);
                }
            }
        }
        if (Files.exists(Path.of("/sys/class/net", bridge))) {
            run("ip", "link", "del", bridge);
        }
        removeControlGroups(prefix);
    }

    /** The machines' control groups ({@code mtm/<namespace>}), emptied by the kills above. */
    private static void removeControlGroups(String prefix) throws IOException, InterruptedException {
        Path root = Path.of("/sys/fs/cgroup");
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> parents = new ArrayList<>(List.of(root.resolve("mtm")));
        try (var hierarchies = Files.list(root)) {
            hierarchies.map(h -> h.resolve("mtm")).forEach(parents::add);
        }
        for (Path parent : parents.stream().filter(Files::isDirectory).toList()) {
            try (var groups = Files.list(parent)) {
                for (Path group : groups.filter(g -> g.getFileName().toString().startsWith(prefix) && Files.isDirectory(g)).toList()) {
                    for (int attempt = 0; attempt < 50 && Files.isDirectory(group); attempt++) {
                        try {
                            Files.delete(group);
                        } catch (IOException busy) {
                            TimeUnit.MILLISECONDS.sleep(20); // the last process is still being reaped
                        }
                    }
                }
            }
        }
    }

    /** GET of a machine's web page; the status and body, or -1 when nothing answers. */
    static String get(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(2000);
            try (InputStream in = c.getInputStream()) {
                return c.getResponseCode() + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return "-1 " + e;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        if (Files.isExecutable(Path.of("/usr/sbin", cmd.get(0)))) {
            cmd.set(0, "/usr/sbin/" + cmd.get(0));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
