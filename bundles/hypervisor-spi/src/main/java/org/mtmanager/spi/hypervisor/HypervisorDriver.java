package org.mtmanager.spi.hypervisor;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs machines on hosts of one type. Every method is idempotent (see the package documentation) and may block;
 * the platform calls it from its job threads, never from a request thread.
 */
public interface HypervisorDriver {

    /** The OSGi service property that names the driver type. */
    String TYPE_PROPERTY = "mtm.driver";

    /** The driver's type, equal to its {@value #TYPE_PROPERTY} service property. */
    String type();

    Set<Capability> capabilities();

    /**
     * Why this driver cannot run machines on {@code host} right now (a missing tool, no permission, an unreachable
     * URI), each reason with its remedy; empty when it can. The platform places no machine on a host with
     * problems, and shows them to the operator. Must be cheap: it is asked before every placement.
     */
    default List<String> problems(HostSettings host) {
        return List.of();
    }

    /** Creates and starts a machine; succeeds if it already exists with this spec. */
    DriverMachine create(HostSettings host, MachineSpec spec) throws DriverException;

    void start(HostSettings host, String machineId) throws DriverException;

    void stop(HostSettings host, String machineId) throws DriverException;

    /** Removes the machine and everything the driver made for it; succeeds if it is already gone. */
    void destroy(HostSettings host, String machineId) throws DriverException;

    /** Moves the machine's PBX to {@code version} (one step of an upgrade path). */
    void upgrade(HostSettings host, String machineId, String version) throws DriverException;

    /** Gives the machine another size (a resource-plan change); a running machine is restarted to apply it. */
    void resize(HostSettings host, String machineId, int vcpu, int memoryMb, int diskGb) throws DriverException;

    /** Takes a snapshot named {@code name}; only for drivers with {@link Capability#SNAPSHOT}. */
    void snapshot(HostSettings host, String machineId, String name) throws DriverException;

    /** Returns the machine to a snapshot; only for drivers with {@link Capability#SNAPSHOT}. */
    void restore(HostSettings host, String machineId, String name) throws DriverException;

    Optional<DriverMachine> status(HostSettings host, String machineId) throws DriverException;

    /** Every machine the driver finds on the host that it manages for the platform. */
    List<DriverMachine> inventory(HostSettings host) throws DriverException;
}
