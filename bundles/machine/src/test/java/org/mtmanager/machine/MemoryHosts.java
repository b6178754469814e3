package org.mtmanager.machine;

import java.util.Map;

import org.mtmanager.spi.hypervisor.HostSettings;
import org.mtmanager.spi.hypervisor.HypervisorDriver;

/** The infrastructure most service tests run on: one roomy host, h1, driven by an in-memory driver. */
final class MemoryHosts {
    private MemoryHosts() {
    }

    static Infrastructure infrastructure(HypervisorDriver driver) {
        Infrastructure infra = new Infrastructure();
        infra.addHost(new HostConfig(new HostSettings("h1", "memory", Map.of()), 32, 65536, 1000));
        infra.addDriver(driver, Map.of(HypervisorDriver.TYPE_PROPERTY, "memory"));
        return infra;
    }
}
