package org.mtmanager.spi.hypervisor;

/** One machine as the driver sees it, for status and inventory. */
public record DriverMachine(String machineId, PowerState state, String pbxVersion, String internalIp) {
}
