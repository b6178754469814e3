package org.mtmanager.api.machine;

import java.time.Instant;
import java.util.List;

/**
 * A customer PBX machine.
 *
 * @param serial          generated, unique and immutable
 * @param accountName     the name of the owner account ({@code accountId})
 * @param driverAvailable false while the host's driver bundle is absent ("driver unavailable")
 * @param openUrl         the link to this machine's own web UI
 * @param apps            the keys of the catalog apps activated on it
 * @param lines           licensed lines (simultaneous calls)
 * @param upgradeSteps    the versions an upgrade would take it through, in order, to the platform's latest; empty
 *                        when there is nothing to upgrade to (on the latest version, or off the upgrade path)
 */
public record Machine(long id, String serial, String hostname, String displayName, long accountId, String accountName,
                      CustomerData customer, long planId, String planName, String host, String driverType,
                      boolean driverAvailable, String internalIp, String pbxVersion, int extensions, int tenants,
                      int lines, MachineState state, String openUrl, List<String> apps, List<String> upgradeSteps,
                      Instant createdAt, Instant updatedAt) {
    public Machine {
        apps = apps == null ? List.of() : List.copyOf(apps);
        upgradeSteps = upgradeSteps == null ? List.of() : List.copyOf(upgradeSteps);
    }
}
