package org.example.mtm.driver;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.mtmanager.spi.hypervisor.Capability;
import org.mtmanager.spi.hypervisor.DriverException;
import org.mtmanager.spi.hypervisor.DriverMachine;
import org.mtmanager.spi.hypervisor.HostSettings;
import org.mtmanager.spi.hypervisor.HypervisorDriver;
import org.mtmanager.spi.hypervisor.MachineSpec;
import org.osgi.service.component.annotations.Component;

/**
 * A driver of type {@value #TYPE} that runs no machines: it exists to show that a driver compiled against the
 * released SPI, outside the platform's build, deploys into the platform and is used by it. It names the problem
 * on every host, so the platform never places a machine on one, and refuses every operation.
 */
@Component(property = HypervisorDriver.TYPE_PROPERTY + "=" + ExternalDriver.TYPE)
public class ExternalDriver implements HypervisorDriver {
    public static final String TYPE = "external";

    /** What it answers for every host, so that a test can see the platform asked it. */
    public static final String PROBLEM = "the external test driver runs no machines";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of();
    }

    @Override
    public List<String> problems(HostSettings host) {
        return List.of(PROBLEM);
    }

    @Override
    public DriverMachine create(HostSettings host, MachineSpec spec) throws DriverException {
        throw refused();
    }

    @Override
    public void start(HostSettings host, String machineId) throws DriverException {
        throw refused();
    }

    @Override
    public void stop(HostSettings host, String machineId) throws DriverException {
        throw refused();
    }

    @Override
    public void destroy(HostSettings host, String machineId) throws DriverException {
        throw refused();
    }

    @Override
    public void upgrade(HostSettings host, String machineId, String version) throws DriverException {
        throw refused();
    }

    @Override
    public void resize(HostSettings host, String machineId, int vcpu, int memoryMb, int diskGb) throws DriverException {
        throw refused();
    }

    @Override
    public void snapshot(HostSettings host, String machineId, String name) throws DriverException {
        throw refused();
    }

    @Override
    public void restore(HostSettings host, String machineId, String name) throws DriverException {
        throw refused();
    }

    @Override
    public Optional<DriverMachine> status(HostSettings host, String machineId) {
        return Optional.empty();
    }

    @Override
    public List<DriverMachine> inventory(HostSettings host) {
        return List.of();
    }

    private static DriverException refused() {
        return new DriverException(PROBLEM, false);
    }
}
