package org.mtmanager.hypervisor.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.mtmanager.spi.hypervisor.Capability;
import org.mtmanager.spi.hypervisor.DriverException;
import org.mtmanager.spi.hypervisor.DriverMachine;
import org.mtmanager.spi.hypervisor.HostSettings;
import org.mtmanager.spi.hypervisor.HypervisorDriver;
import org.mtmanager.spi.hypervisor.MachineSpec;
import org.mtmanager.spi.hypervisor.PowerState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Machines as Linux containers on this host (see the package documentation). Calls on one machine are
 * serialised; calls on different machines run in parallel.
 */
@Component(service = HypervisorDriver.class, property = HypervisorDriver.TYPE_PROPERTY + "=container")
public class ContainerDriver implements HypervisorDriver {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerDriver.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern HOSTNAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** A file in a machine's folder while a change restarts it (see {@link #replace}). */
    static final String RESTART_PENDING = "restart-pending";

    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    @Activate
    void activate() {
        List<String> problems = Preflight.problems();
        if (!problems.isEmpty()) {
            LOG.warn("The container driver cannot run machines on this server: {}", String.join("; ", problems));
        }
    }

    @Override
    public String type() {
        return "container";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.SNAPSHOT);
    }

    @Override
    public List<String> problems(HostSettings host) {
        List<String> problems = new ArrayList<>(Preflight.problems());
        try {
            HostLayout layout = HostLayout.of(host);
            Routing.problem(layout, host.name()).ifPresent(problems::add);
            if (layout.enforceLimits()) {
                Cgroups.system().problem().ifPresent(p -> problems.add("machines cannot be held to their resource plans: " + p
                    + " (mount the memory, cpu and pids cgroup controllers, or set enforceLimits = false for host "
                    + host.name() + ")"));
            }
        } catch (DriverException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /** Work on one machine, with the host's layout, while no other call works on it. */
    private interface Call<T> {
        T on(HostLayout layout, Path dir, Container container) throws DriverException, IOException;
    }

    private <T> T call(HostSettings host, String machineId, String what, Call<T> call) throws DriverException {
        if (!ID.matcher(machineId).matches()) {
            throw new DriverException("machine id '" + machineId + "' is not 1 to 40 letters, digits, '_' or '-'", false);
        }
        List<String> problems = Preflight.problems();
        if (!problems.isEmpty()) {
            throw new DriverException("the container driver cannot run here: " + String.join("; ", problems), false);
        }
        HostLayout layout = HostLayout.of(host);
        synchronized (locks.computeIfAbsent(layout.namespace(machineId), k -> new Object())) {
            try {
                return call.on(layout, layout.machineDir(machineId), new Container(layout, machineId));
            } catch (IOException e) {
                throw new DriverException(what + " " + machineId + " failed on " + host.name() + ": " + e, true, e);
            }
        }
    }

    private static Properties require(Path dir, String machineId) throws DriverException, IOException {
        if (!Files.exists(dir.resolve(MachineFiles.PROPERTIES))) {
            throw new DriverException("no container for machine " + machineId + " in " + dir.getParent(), false);
        }
        return MachineFiles.read(dir);
    }

    @Override
    public DriverMachine create(HostSettings host, MachineSpec spec) throws DriverException {
        check("hostname", spec.hostname(), HOSTNAME);
        check("pbxVersion", spec.pbxVersion(), VERSION);
        check("internalIp", spec.internalIp(), IPV4);
        return call(host, spec.machineId(), "create", (layout, dir, container) -> {
            if (!Files.exists(dir.resolve(MachineFiles.PROPERTIES))) {
                Files.createDirectories(dir);
                if (!Files.exists(dir.resolve("ssh_host_key"))) {
                    Commands.run(List.of("dropbearkey", "-t", "ed25519", "-f", dir.resolve("ssh_host_key").toString()));
                }
                Properties p = MachineFiles.of(spec);
                MachineFiles.render(dir, p);
                MachineFiles.write(dir, p); // last: a folder without it is a create that did not finish
            }
            Properties p = MachineFiles.read(dir);
            container.plug(p.getProperty("ip"));
            container.start(p);
            return describe(spec.machineId(), p, container);
        });
    }

    private static void check(String field, String value, Pattern rule) throws DriverException {
        if (value == null || !rule.matcher(value).matches()) {
            throw new DriverException(field + " '" + value + "' does not match " + rule.pattern(), false);
        }
    }

    @Override
    public void start(HostSettings host, String machineId) throws DriverException {
        call(host, machineId, "start", (layout, dir, container) -> {
            Properties p = require(dir, machineId);
            container.plug(p.getProperty("ip"));
            container.start(p);
            Files.deleteIfExists(dir.resolve(RESTART_PENDING));
            return null;
        });
    }

    @Override
    public void stop(HostSettings host, String machineId) throws DriverException {
        call(host, machineId, "stop", (layout, dir, container) -> {
            require(dir, machineId);
            container.stop();
            Files.deleteIfExists(dir.resolve(RESTART_PENDING));
            return null;
        });
    }

    @Override
    public void destroy(HostSettings host, String machineId) throws DriverException {
        call(host, machineId, "destroy", (layout, dir, container) -> {
            String ip = Files.exists(dir.resolve(MachineFiles.PROPERTIES)) ? MachineFiles.read(dir).getProperty("ip") : null;
            container.stop();
            container.unplug(ip);
            MachineFiles.deleteTree(dir);
            return null;
        });
        locks.remove(HostLayout.of(host).namespace(machineId));
    }

    @Override
    public void upgrade(HostSettings host, String machineId, String version) throws DriverException {
        check("version", version, VERSION);
        change(host, machineId, "upgrade", p -> p.setProperty("version", version));
    }

    @Override
    public void resize(HostSettings host, String machineId, int vcpu, int memoryMb, int diskGb) throws DriverException {
        change(host, machineId, "resize", p -> {
            p.setProperty("vcpu", Integer.toString(vcpu));
            p.setProperty("memoryMb", Integer.toString(memoryMb));
            p.setProperty("diskGb", Integer.toString(diskGb));
        });
    }

    /** Changes the machine's properties, renders its payload again and, if it was running, restarts it. */
    private void change(HostSettings host, String machineId, String what, Consumer<Properties> edit)
        throws DriverException {
        call(host, machineId, what, (layout, dir, container) -> {
            Properties p = require(dir, machineId);
            edit.accept(p);
            replace(dir, container, p);
            return null;
        });
    }

    /**
     * Applies new properties; a machine that was running is restarted. The restart is marked on disk first, so
     * that if the server dies between the stop and the start, the next call on the machine (the resumed job's)
     * still starts it.
     */
    private static void replace(Path dir, Container container, Properties p) throws DriverException, IOException {
        Path pending = dir.resolve(RESTART_PENDING);
        boolean running = container.running() || Files.exists(pending);
        if (running) {
            Files.writeString(pending, "restart after a change\n");
            container.stop();
        }
        MachineFiles.render(dir, p);
        MachineFiles.write(dir, p);
        if (running) {
            container.plug(p.getProperty("ip"));
            container.start(p);
            Files.deleteIfExists(pending);
        }
    }

    @Override
    public void snapshot(HostSettings host, String machineId, String name) throws DriverException {
        call(host, machineId, "snapshot", (layout, dir, container) -> {
            require(dir, machineId);
            MachineFiles.snapshot(dir, name);
            return null;
        });
    }

    @Override
    public void restore(HostSettings host, String machineId, String name) throws DriverException {
        call(host, machineId, "restore", (layout, dir, container) -> {
            require(dir, machineId);
            Properties snapshot;
            try {
                snapshot = MachineFiles.snapshotOf(dir, name);
            } catch (NoSuchFileException e) {
                throw new DriverException("machine " + machineId + " has no snapshot " + name, false);
            }
            replace(dir, container, snapshot);
            return null;
        });
    }

    @Override
    public Optional<DriverMachine> status(HostSettings host, String machineId) throws DriverException {
        return call(host, machineId, "status", (layout, dir, container) -> Files.exists(dir.resolve(MachineFiles.PROPERTIES))
            ? Optional.of(describe(machineId, MachineFiles.read(dir), container)) : Optional.empty());
    }

    @Override
    public List<DriverMachine> inventory(HostSettings host) throws DriverException {
        HostLayout layout = HostLayout.of(host);
        if (!Files.isDirectory(layout.stateDir())) {
            return List.of();
        }
        List<DriverMachine> all = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(layout.stateDir())) {
            for (Path dir : dirs.filter(d -> Files.exists(d.resolve(MachineFiles.PROPERTIES))).toList()) {
                String id = dir.getFileName().toString();
                if (ID.matcher(id).matches()) {
                    all.add(describe(id, MachineFiles.read(dir), new Container(layout, id)));
                }
            }
        } catch (IOException e) {
            throw new DriverException("cannot read " + layout.stateDir() + ": " + e.getMessage(), true, e);
        }
        return all;
    }

    private static DriverMachine describe(String machineId, Properties p, Container container) {
        return new DriverMachine(machineId, container.running() ? PowerState.RUNNING : PowerState.STOPPED,
            p.getProperty("version"), p.getProperty("ip"));
    }
}
