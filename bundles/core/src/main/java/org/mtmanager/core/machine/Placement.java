package org.mtmanager.core.machine;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;

/**
 * Chooses the host for a new machine: among the hosts whose driver is present and that still have room for the
 * plan's vCPU, memory and disk (within the platform's overcommit ratios), the one with the most free memory
 * after placement, then the most free vCPUs, then by name, so the choice is deterministic.
 */
public final class Placement {

    /** A host's size and what its machines already use. */
    public record Host(String name, String driverType, boolean driverAvailable, int vcpu, int memoryMb, int diskGb,
                       int usedVcpu, int usedMemoryMb, int usedDiskGb) {
    }

    /** What the new machine needs. */
    public record Need(int vcpu, int memoryMb, int diskGb) {
    }

    private Placement() {
    }

    public static Host choose(List<Host> hosts, Need need, BigDecimal cpuOvercommit, BigDecimal memoryOvercommit) {
        Optional<Host> best = hosts.stream()
            .filter(Host::driverAvailable)
            .filter(h -> freeVcpu(h, cpuOvercommit) >= need.vcpu())
            .filter(h -> freeMemory(h, memoryOvercommit) >= need.memoryMb())
            .filter(h -> h.diskGb() - h.usedDiskGb() >= need.diskGb())
            .max(Comparator.<Host>comparingLong(h -> freeMemory(h, memoryOvercommit) - need.memoryMb())
                .thenComparingLong(h -> freeVcpu(h, cpuOvercommit) - need.vcpu())
                .thenComparing(Host::name, Comparator.reverseOrder()));
        return best.orElseThrow(() -> new MtmException(ErrorCode.CONFLICT, "plan",
            "no host has room for " + need.vcpu() + " vCPU, " + need.memoryMb() + " MB and " + need.diskGb()
                + " GB" + (hosts.stream().anyMatch(h -> !h.driverAvailable()) ? " (some hosts' drivers are unavailable)" : "")));
    }

    static long freeVcpu(Host h, BigDecimal overcommit) {
        return overcommit.multiply(BigDecimal.valueOf(h.vcpu())).longValue() - h.usedVcpu();
    }

    static long freeMemory(Host h, BigDecimal overcommit) {
        return overcommit.multiply(BigDecimal.valueOf(h.memoryMb())).longValue() - h.usedMemoryMb();
    }
}
