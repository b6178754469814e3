package org.mtmanager.spi.hypervisor;

import java.util.Map;
import java.util.Optional;

/**
 * One hypervisor host as configured by the operator: its name, its driver type, and the driver-specific
 * connection settings (for libvirt, {@code uri = qemu:///system}).
 */
public record HostSettings(String name, String driverType, Map<String, String> properties) {

    public HostSettings {
        properties = Map.copyOf(properties);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(properties.get(key));
    }
}
