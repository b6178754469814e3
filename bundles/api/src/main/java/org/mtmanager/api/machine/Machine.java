package org.mtmanager.api.machine;

import java.time.Instant;

/**
 * A customer PBX machine.
 *
 * @param serial          generated, unique and immutable
 * @param driverAvailable false while the host's driver bundle is absent ("driver unavailable")
 * @param openUrl         the link to this machine's own web UI
 */
public record Machine(long id, String serial, String hostname, String displayName, long accountId,
                      CustomerData customer, long planId, String planName, String host, String driverType,
                      boolean driverAvailable, String internalIp, String pbxVersion, int extensions, int tenants,
                      MachineState state, String openUrl, Instant createdAt, Instant updatedAt) {
}
