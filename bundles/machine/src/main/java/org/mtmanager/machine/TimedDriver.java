package org.mtmanager.machine;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.mtmanager.spi.hypervisor.Capability;
import org.mtmanager.spi.hypervisor.DriverException;
import org.mtmanager.spi.hypervisor.DriverMachine;
import org.mtmanager.spi.hypervisor.HostSettings;
import org.mtmanager.spi.hypervisor.HypervisorDriver;
import org.mtmanager.spi.hypervisor.MachineSpec;

/**
 * A driver that adds up the time its calls take, so that a job can tell its own overhead from the driver's
 * (logged with every finished job, and what the machine benchmark measures). One instance per job run.
 *
 * <p>It also holds the engine to one kind of driver failure: whatever else a driver throws (a bug's runtime
 * exception, a linkage error while its bundle is replaced) comes out as a retryable {@link DriverException} that
 * names the driver, so the job is tried again and its error reads as a sentence.
 */
final class TimedDriver implements HypervisorDriver {
    private final HypervisorDriver driver;
    private long nanos;

    TimedDriver(HypervisorDriver driver) {
        this.driver = driver;
    }

    long millis() {
        return nanos / 1_000_000;
    }

    private interface Call<T> {
        T run() throws DriverException;
    }

    private <T> T timed(Call<T> call) throws DriverException {
        long t0 = System.nanoTime();
        try {
            return call.run();
        } catch (RuntimeException | Error e) {
            throw new DriverException("the " + driver.type() + " driver failed: " + Failures.describe(e), true, e);
        } finally {
            nanos += System.nanoTime() - t0;
        }
    }

    @Override
    public String type() {
        return driver.type();
    }

    @Override
    public Set<Capability> capabilities() {
        return driver.capabilities();
    }

    @Override
    public List<String> problems(HostSettings host) {
        return driver.problems(host);
    }

    @Override
    public DriverMachine create(HostSettings host, MachineSpec spec) throws DriverException {
        return timed(() -> driver.create(host, spec));
    }

    @Override
    public void start(HostSettings host, String machineId) throws DriverException {
        timed(() -> {
            driver.start(host, machineId);
            return null;
        });
    }

    @Override
    public void stop(HostSettings host, String machineId) throws DriverException {
        timed(() -> {
            driver.stop(host, machineId);
            return null;
        });
    }

    @Override
    public void destroy(HostSettings host, String machineId) throws DriverException {
        timed(() -> {
            driver.destroy(host, machineId);
            return null;
        });
    }

    @Override
    public void upgrade(HostSettings host, String machineId, String version) throws DriverException {
        timed(() -> {
            driver.upgrade(host, machineId, version);
            return null;
        });
    }

    @Override
    public void resize(HostSettings host, String machineId, int vcpu, int memoryMb, int diskGb) throws DriverException {
        timed(() -> {
            driver.resize(host, machineId, vcpu, memoryMb, diskGb);
            return null;
        });
    }

    @Override
    public void snapshot(HostSettings host, String machineId, String name) throws DriverException {
        timed(() -> {
            driver.snapshot(host, machineId, name);
            return null;
        });
    }

    @Override
    public void restore(HostSettings host, String machineId, String name) throws DriverException {
        timed(() -> {
            driver.restore(host, machineId, name);
            return null;
        });
    }

    @Override
    public Optional<DriverMachine> status(HostSettings host, String machineId) throws DriverException {
        return timed(() -> driver.status(host, machineId));
    }

    @Override
    public List<DriverMachine> inventory(HostSettings host) throws DriverException {
        return timed(() -> driver.inventory(host));
    }
}
