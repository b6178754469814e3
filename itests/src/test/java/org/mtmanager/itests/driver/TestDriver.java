package org.mtmanager.itests.driver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.mtmanager.spi.hypervisor.Capability;
import org.mtmanager.spi.hypervisor.DriverException;
import org.mtmanager.spi.hypervisor.DriverMachine;
import org.mtmanager.spi.hypervisor.HostSettings;
import org.mtmanager.spi.hypervisor.HypervisorDriver;
import org.mtmanager.spi.hypervisor.MachineSpec;

/**
 * A TEST-ONLY driver, deployed by the process-level itests into their own copies of the distribution: the container
 * driver, with what a test needs that a real host does by chance only. Its host's settings say what:
 * <ul>
 * <li>{@code placeWhile}: a file; while it is missing the host has a problem, so that placement puts nothing there
 * (jobs of machines already there still run). A test steers new machines to a host by creating the file.</li>
 * <li>{@code pauseMillis}: after a create that made the machine, and after an upgrade step that changed its version,
 * the call returns only after this pause, so that a test can kill the node while the job runs, with the work done
 * on the host but not yet recorded. A call that finds its work already done (a revived job's) does not pause.</li>
 * <li>{@code throwOn}: operations (create, start, stop, upgrade, ...) that throw an {@link IllegalStateException},
 * as a driver with a bug would, instead of a {@link DriverException}.</li>
 * </ul>
 * Every other call, and the work of those, is the container driver's, on the same settings.
 */
public final class TestDriver implements HypervisorDriver {
    private final String type;
    private final Supplier<HypervisorDriver> containers;

    TestDriver(String type, Supplier<HypervisorDriver> containers) {
        this.type = type;
        this.containers = containers;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.SNAPSHOT); // the container driver's
    }

    @Override
    public List<String> problems(HostSettings host) {
        Optional<String> flag = host.get("placeWhile");
        if (flag.isPresent() && !Files.exists(Path.of(flag.get()))) {
            return List.of("the test places no machine on host " + host.name() + " now");
        }
        HypervisorDriver delegate = containers.get();
        return delegate == null ? List.of("the container driver is not deployed") : delegate.problems(on(host));
    }

    @Override
    public DriverMachine create(HostSettings host, MachineSpec spec) throws DriverException {
        faultIf(host, "create");
        boolean fresh = delegate().status(on(host), spec.machineId()).isEmpty();
        DriverMachine made = delegate().create(on(host), spec);
        if (fresh) {
            pause(host);
        }
        return made;
    }

    @Override
    public void start(HostSettings host, String machineId) throws DriverException {
        faultIf(host, "start");
        delegate().start(on(host), machineId);
    }

    @Override
    public void stop(HostSettings host, String machineId) throws DriverException {
        faultIf(host, "stop");
        delegate().stop(on(host), machineId);
    }

    @Override
    public void destroy(HostSettings host, String machineId) throws DriverException {
        faultIf(host, "destroy");
        delegate().destroy(on(host), machineId);
    }

    @Override
    public void upgrade(HostSettings host, String machineId, String version) throws DriverException {
        faultIf(host, "upgrade");
        boolean changes = delegate().status(on(host), machineId).map(m -> !version.equals(m.pbxVersion())).orElse(false);
        delegate().upgrade(on(host), machineId, version);
        if (changes) {
            pause(host);
        }
    }

    @Override
    public void resize(HostSettings host, String machineId, int vcpu, int memoryMb, int diskGb) throws DriverException {
        faultIf(host, "resize");
        delegate().resize(on(host), machineId, vcpu, memoryMb, diskGb);
    }

    @Override
    public void snapshot(HostSettings host, String machineId, String name) throws DriverException {
        faultIf(host, "snapshot");
        delegate().snapshot(on(host), machineId, name);
    }

    @Override
    public void restore(HostSettings host, String machineId, String name) throws DriverException {
        faultIf(host, "restore");
        delegate().restore(on(host), machineId, name);
    }

    @Override
    public Optional<DriverMachine> status(HostSettings host, String machineId) throws DriverException {
        return delegate().status(on(host), machineId);
    }

    @Override
    public List<DriverMachine> inventory(HostSettings host) throws DriverException {
        return delegate().inventory(on(host));
    }

    private HypervisorDriver delegate() throws DriverException {
        HypervisorDriver delegate = containers.get();
        if (delegate == null) {
            throw new DriverException("the container driver is not deployed", true);
        }
        return delegate;
    }

    private static HostSettings on(HostSettings host) {
        return new HostSettings(host.name(), "container", host.properties());
    }

    private static void faultIf(HostSettings host, String operation) {
        if (Arrays.asList(host.get("throwOn").orElse("").split("\\s*,\\s*")).contains(operation)) {
            throw new IllegalStateException("the test driver's " + operation + " fails as a bug would");
        }
    }

    private static void pause(HostSettings host) throws DriverException {
        long millis = Long.parseLong(host.get("pauseMillis").orElse("0"));
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("interrupted", true, e);
        }
    }
}
