package org.mtmanager.api.host;

import java.util.List;

/**
 * One configured host and what it carries.
 *
 * @param driverPresent whether the bundle of its driver type is deployed
 * @param usable        whether new machines may be placed here (room aside): exactly when there are no problems
 * @param problems      why it cannot take machines now, each with its remedy; empty when it can
 * @param machines      its machines that are not deleted
 */
public record Host(String name, String driverType, boolean driverPresent, boolean usable, List<String> problems, String network,
                   int vcpu, int memoryMb, int diskGb, int usedVcpu, int usedMemoryMb, int usedDiskGb, long machines) {

    public Host {
        problems = List.copyOf(problems);
        if (usable != problems.isEmpty()) {
            throw new IllegalArgumentException("a host is usable exactly when it has no problems");
        }
    }
}
