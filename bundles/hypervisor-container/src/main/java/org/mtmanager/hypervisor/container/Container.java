package org.mtmanager.hypervisor.container;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.mtmanager.spi.hypervisor.DriverException;

/**
 * One machine's namespaces and processes: the network namespace with its veth on the bridge, and the process tree
 * under {@code unshare} whose PID 1 is the machine's init script. Start and stop act on processes only; the
 * network stays configured while the machine is stopped.
 */
final class Container {
    /**
     * How long a starting machine may take to answer. It answers in a fraction of a second (the driver's tests make
     * some twenty machines in under 4 s on a shared two-core host); the wait only bounds one that never answers,
     * and is generous so that a host busy starting many machines at once does not fail a create that would have
     * worked (15 s was the old bound). A machine that dies while starting is seen at once, not after this wait.
     */
    private static final long READY_TIMEOUT_MS = 60_000;

    private final HostLayout layout;
    private final String machineId;
    private final Path dir;

    Container(HostLayout layout, String machineId) {
        this.layout = layout;
        this.machineId = machineId;
        this.dir = layout.machineDir(machineId);
    }

    /** Makes the bridge, the namespace and the veth, and gives the machine its address; each only if missing. */
    void plug(String ip) throws DriverException {
        Bridges.ensure(layout);
        String ns = layout.namespace(machineId);
        String veth = layout.vethName(machineId);
        if (!Files.exists(Path.of("/run/netns", ns))) {
            Commands.run(List.of("ip", "netns", "add", ns));
        }
        if (!Commands.run(List.of("ip", "-n", ns, "-o", "link", "show")).contains(" eth0")) {
            if (layout.linkExists(veth)) {
                Commands.run(layout.ipOnBridgeSide("link", "del", veth));
            }
            Commands.run(List.of("ip", "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", ns));
            if (!layout.bridgeNamespace().isEmpty()) {
                Commands.run(List.of("ip", "link", "set", veth, "netns", layout.bridgeNamespace()));
            }
        }
        Commands.run(layout.ipOnBridgeSide("link", "set", veth, "master", layout.bridge(), "up"));
        Commands.run(List.of("ip", "-n", ns, "addr", "replace", ip + "/" + layout.prefixLength(), "dev", "eth0"));
        forgetNeighbour(ip);
        Commands.run(List.of("ip", "-n", ns, "link", "set", "eth0", "up"));
        Commands.run(List.of("ip", "-n", ns, "link", "set", "lo", "up"));
        if (layout.routeOut()) {
            Commands.run(List.of("ip", "-n", ns, "route", "replace", "default", "via", layout.gateway()));
        }
    }

    /**
     * The bridge's side forgets the hardware address it had for {@code ip}. An address is reused as soon as its
     * machine is deleted, and the kernel keeps sending to a neighbour it trusts (up to 45 s, then 8 s of probes)
     * before it asks again: the new machine would not be reached, and its readiness wait would run out. Flushing
     * makes the next packet ask who has the address. (When the bridge's own hardware address changes with its ports,
     * the kernel flushes every entry itself, which is why this happened only some of the time.)
     */
    private void forgetNeighbour(String ip) throws DriverException {
        Commands.run(layout.ipOnBridgeSide("neigh", "flush", "to", ip, "dev", layout.bridge()));
    }

    /**
     * Removes the namespace, and with it the veth; succeeds if they are gone. The bridge's side forgets the
     * machine's address ({@code ip}; null if unknown), which the next machine may get at once.
     */
    void unplug(String ip) throws DriverException {
        String ns = layout.namespace(machineId);
        if (Files.exists(Path.of("/run/netns", ns))) {
            Commands.run(List.of("ip", "netns", "del", ns));
        }
        // deleting the namespace takes its veth along, though not always before ip returns
        if (layout.linkExists(layout.vethName(machineId))) {
            try {
                Commands.run(layout.ipOnBridgeSide("link", "del", layout.vethName(machineId)));
            } catch (DriverException e) {
                if (layout.linkExists(layout.vethName(machineId))) {
                    throw e;
                }
            }
        }
        if (ip != null && layout.linkExists(layout.bridge())) {
            forgetNeighbour(ip);
        }
    }

    boolean running() {
        return pid().isPresent();
    }

    /** The PID of the machine's {@code unshare}, if that process is alive and is this machine's. */
    Optional<Long> pid() {
        try {
            Path file = dir.resolve("pid");
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(file).strip());
            Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
            if (!Files.exists(cmdline)) {
                return Optional.empty();
            }
            String cmd = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
            return cmd.contains(dir.resolve("init").toString()) ? Optional.of(pid) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts the process tree in its own session, so that it outlives the server, and waits until the web UI and
     * SIP answer.
     */
    void start(Properties machine) throws DriverException {
        String ip = machine.getProperty("ip");
        BooleanSupplier alive = this::running;
        if (!running()) {
            List<String> command = new ArrayList<>(List.of(Commands.tool("setsid")));
            if (layout.enforceLimits()) {
                // The first process joins the machine's control groups, then becomes the machine: everything the
                // machine ever runs descends from it, inside the limits.
                List<Path> groups = Cgroups.system().prepare(layout.namespace(machineId),
                    Integer.parseInt(machine.getProperty("vcpu", "1")), Integer.parseInt(machine.getProperty("memoryMb", "256")));
                command.addAll(List.of(Commands.tool("sh"), "-c",
                    "while [ \"$1\" != -- ]; do echo 0 > \"$1\" || exit 97; shift; done; shift; exec \"$@\"", "mtm-limits"));
                groups.forEach(g -> command.add(g.toString()));
                command.add("--");
            }
            command.addAll(List.of(Commands.tool("ip"), "netns", "exec", layout.namespace(machineId), Commands.tool("unshare"),
                "--pid", "--fork", "--mount", "--mount-proc", "--uts", "--kill-child=SIGKILL", Commands.tool("sh"),
                dir.resolve("init").toString()));
            try {
                Process p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("console.log").toFile()))
                    .start();
                Files.writeString(dir.resolve("pid"), Long.toString(p.pid()));
                // until the JVM's spawn helper has exec'd, the new process's command line is not yet ours
                alive = p::isAlive;
            } catch (IOException e) {
                throw new DriverException("cannot start machine " + machineId + ": " + e.getMessage(), true, e);
            }
        }
        awaitPort(ip, 80, alive);
        awaitPort(ip, 5060, alive);
    }

    private void awaitPort(String ip, int port, BooleanSupplier alive) throws DriverException {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        while (true) {
            try {
                connect(ip, port);
                return;
            } catch (IOException e) {
                if (!alive.getAsBoolean()) {
                    throw new DriverException("machine " + machineId + " stopped while starting: " + consoleTail(), true);
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new DriverException("machine " + machineId + " does not answer on " + ip + ":" + port + " after "
                        + READY_TIMEOUT_MS / 1000 + " s: " + consoleTail(), true);
                }
                sleep(25);
            }
        }
    }

    /**
     * One connection attempt: from here when the bridge is this server's, otherwise from inside the machine's own
     * namespace (this server has no route to a bridge in another namespace).
     */
    private void connect(String ip, int port) throws IOException {
        if (layout.bridgeNamespace().isEmpty()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(ip, port), 500);
            }
            return;
        }
        try {
            Process p = new ProcessBuilder(Commands.tool("ip"), "netns", "exec", layout.namespace(machineId), Commands.tool("busybox"),
                "nc", "-w", "1", ip, Integer.toString(port)).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(3, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("not answering yet");
            }
        } catch (DriverException e) {
            throw new IOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Kills every process in the machine's namespace (a PID-namespace init ignores SIGTERM) and waits for them. */
    void stop() throws DriverException {
        String ns = layout.namespace(machineId);
        long deadline = System.currentTimeMillis() + 10_000;
        while (Files.exists(Path.of("/run/netns", ns))) {
            List<Long> pids = Commands.run(List.of("ip", "netns", "pids", ns)).lines().filter(l -> !l.isBlank())
                .map(l -> Long.parseLong(l.strip())).toList();
            if (pids.isEmpty()) {
                break;
            }
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            if (System.currentTimeMillis() > deadline) {
                throw new DriverException("machine " + machineId + " still has processes " + pids + " after SIGKILL", true);
            }
            sleep(20);
        }
        Optional<Long> left = pid();
        if (left.isPresent()) {
            ProcessHandle.of(left.get()).ifPresent(ProcessHandle::destroyForcibly);
        }
        try {
            Files.deleteIfExists(dir.resolve("pid"));
        } catch (IOException e) {
            throw new DriverException("cannot remove " + dir.resolve("pid") + ": " + e.getMessage(), true, e);
        }
        if (layout.enforceLimits()) {
            Cgroups.system().remove(ns);
        }
    }

    private String consoleTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("console.log"));
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no console log)";
        }
    }

    private static void sleep(long ms) throws DriverException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("interrupted", true, e);
        }
    }
}
