package org.mtmanager.hypervisor.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mtmanager.spi.hypervisor.DriverException;

/**
 * A machine's resource plan as kernel limits: one control group per machine, {@code mtm/<namespace>}, with its
 * memory ({@code memoryMb}), its CPU time ({@code vcpu} whole CPUs) and its number of processes capped. Both cgroup
 * layouts are handled: the unified one (v2) and the legacy one with a hierarchy per controller (v1).
 *
 * <p>The machine's first process joins the group before anything else runs (see {@link Container#start}), so the
 * whole tree lives in it and no process escapes the limits by having started early.
 */
final class Cgroups {
    static final String PARENT = "mtm";
    static final long CPU_PERIOD_US = 100_000;
    /** A PBX's processes number in the tens; a fork bomb inside a machine stops here, not at the host's limit. */
    static final int PIDS_MAX = 1024;
    private static final List<String> CONTROLLERS = List.of("memory", "cpu", "pids");

    private final Path root;

    Cgroups(Path root) {
        this.root = root;
    }

    static Cgroups system() {
        return new Cgroups(Path.of("/sys/fs/cgroup"));
    }

    private boolean unified() {
        return Files.isRegularFile(root.resolve("cgroup.controllers"));
    }

    /** Why limits cannot be set on this host, if they cannot. */
    Optional<String> problem() {
        List<String> missing = new ArrayList<>();
        if (unified()) {
            String available = read(root.resolve("cgroup.controllers"));
            for (String c : CONTROLLERS) {
                if (!List.of(available.split("\\s+")).contains(c)) {
                    missing.add(c);
                }
            }
            if (missing.isEmpty() && !Files.isWritable(root.resolve("cgroup.subtree_control"))) {
                return Optional.of(root + " is not writable");
            }
        } else {
            for (String c : CONTROLLERS) {
                if (!Files.isRegularFile(root.resolve(c).resolve("cgroup.procs"))) {
                    missing.add(c);
                } else if (!Files.isWritable(root.resolve(c))) {
                    return Optional.of(root.resolve(c) + " is not writable");
                }
            }
        }
        return missing.isEmpty() ? Optional.empty()
            : Optional.of("the cgroup controller(s) " + String.join(", ", missing) + " are not available under " + root);
    }

    /**
     * Makes the machine's group, or updates it, with the plan's limits; returns the {@code cgroup.procs} files the
     * machine's first process must join (one per hierarchy).
     */
    List<Path> prepare(String group, int vcpu, int memoryMb) throws DriverException {
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            throw new DriverException("cannot limit machine " + group + " to its plan: " + problem.get(), false);
        }
        long memory = memoryMb * 1024L * 1024L;
        long quota = vcpu * CPU_PERIOD_US;
        try {
            if (unified()) {
                enableControllers(root);
                Path parent = Files.createDirectories(root.resolve(PARENT));
                enableControllers(parent);
                Path g = Files.createDirectories(parent.resolve(group));
                write(g.resolve("memory.max"), Long.toString(memory));
                if (Files.exists(g.resolve("memory.swap.max"))) {
                    write(g.resolve("memory.swap.max"), "0");
                }
                write(g.resolve("cpu.max"), quota + " " + CPU_PERIOD_US);
                write(g.resolve("pids.max"), Integer.toString(PIDS_MAX));
                return List.of(g.resolve("cgroup.procs"));
            }
            Path mem = Files.createDirectories(root.resolve("memory").resolve(PARENT).resolve(group));
            write(mem.resolve("memory.limit_in_bytes"), Long.toString(memory));
            Path cpu = Files.createDirectories(root.resolve("cpu").resolve(PARENT).resolve(group));
            write(cpu.resolve("cpu.cfs_period_us"), Long.toString(CPU_PERIOD_US));
            write(cpu.resolve("cpu.cfs_quota_us"), Long.toString(quota));
            Path pids = Files.createDirectories(root.resolve("pids").resolve(PARENT).resolve(group));
            write(pids.resolve("pids.max"), Integer.toString(PIDS_MAX));
            return List.of(mem.resolve("cgroup.procs"), cpu.resolve("cgroup.procs"), pids.resolve("cgroup.procs"));
        } catch (IOException e) {
            throw new DriverException("cannot limit machine " + group + " to its plan: " + e.getMessage(), true, e);
        }
    }

    /** Removes the machine's group once its processes are gone; a group that is still busy stays, harmlessly. */
    void remove(String group) {
        List<Path> dirs = unified() ? List.of(root.resolve(PARENT).resolve(group))
            : CONTROLLERS.stream().map(c -> root.resolve(c).resolve(PARENT).resolve(group)).toList();
        for (Path dir : dirs) {
            // The kernel frees a group a moment after its last process has been reaped.
            for (int attempt = 0; attempt < 50 && Files.isDirectory(dir); attempt++) {
                try {
                    Files.delete(dir);
                } catch (IOException busy) {
                    pause();
                }
            }
        }
    }

    /** The limits a machine's group holds now: memory in bytes, CPU quota per period in microseconds, processes. */
    Map<String, Long> limits(String group) {
        Map<String, Long> limits = new LinkedHashMap<>();
        if (unified()) {
            Path g = root.resolve(PARENT).resolve(group);
            limits.put("memory", number(read(g.resolve("memory.max"))));
            limits.put("cpu", number(read(g.resolve("cpu.max")).split(" ")[0]));
            limits.put("pids", number(read(g.resolve("pids.max"))));
        } else {
            limits.put("memory", number(read(root.resolve("memory").resolve(PARENT).resolve(group).resolve("memory.limit_in_bytes"))));
            limits.put("cpu", number(read(root.resolve("cpu").resolve(PARENT).resolve(group).resolve("cpu.cfs_quota_us"))));
            limits.put("pids", number(read(root.resolve("pids").resolve(PARENT).resolve(group).resolve("pids.max"))));
        }
        return limits;
    }

    /** The group of a process in each hierarchy this class uses, as the kernel reports it ("/mtm/..."). */
    List<String> groupsOf(long pid) throws IOException {
        boolean unified = unified();
        List<String> groups = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup"))) {
            String[] f = line.split(":", 3);
            if (f.length == 3 && (unified ? f[1].isEmpty() : List.of(f[1].split(",")).stream().anyMatch(CONTROLLERS::contains))) {
                groups.add(f[1] + ":" + f[2]);
            }
        }
        return groups;
    }

    private static void enableControllers(Path dir) throws IOException {
        String enabled = read(dir.resolve("cgroup.subtree_control"));
        for (String c : CONTROLLERS) {
            if (!List.of(enabled.split("\\s+")).contains(c)) {
                write(dir.resolve("cgroup.subtree_control"), "+" + c);
            }
        }
    }

    private static void write(Path file, String value) throws IOException {
        try {
            Files.writeString(file, value, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IOException("writing " + value + " to " + file + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static long number(String value) {
        return value.equals("max") ? Long.MAX_VALUE : Long.parseLong(value);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
