package org.mtmanager.machine;

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

    /** A host's size, what its machines already use, and why it cannot take machines (empty when it can). */
    public record Host(String name, String driverType, List<String> problems, int vcpu, int memoryMb, int diskGb,
                       int usedVcpu, int usedMemoryMb, int usedDiskGb) {

        public boolean usable() {
            return problems.isEmpty();
        }
    }

    /** What the new machine needs. */
    public record Need(int vcpu, int memoryMb, int diskGb) {
    }

    private Placement() {
    }

    public static Host choose(List<Host> hosts, Need need, BigDecimal cpuOvercommit, BigDecimal memoryOvercommit) {
        Optional<Host> best = hosts.stream()
            .filter(Host::usable)
            .filter(h -> freeVcpu(h, cpuOvercommit) >= need.vcpu())
            .filter(h -> freeMemory(h, memoryOvercommit) >= need.memoryMb())
            .filter(h -> h.diskGb() - h.usedDiskGb() >= need.diskGb())
            .max(Comparator.<Host>comparingLong(h -> freeMemory(h, memoryOvercommit) - need.memoryMb())
                .thenComparingLong(h -> freeVcpu(h, cpuOvercommit) - need.vcpu())
                .thenComparing(Host::name, Comparator.reverseOrder()));
        return best.orElseThrow(() -> new MtmException(ErrorCode.CONFLICT, "plan",
            "no host has room for " + need.vcpu() + " vCPU, " + need.memoryMb() + " MB and " + need.diskGb()
                + " GB" + unusable(hosts)));
    }

    private static String unusable(List<Host> hosts) {
        List<String> why = hosts.stream().filter(h -> !h.usable())
            .map(h -> h.name() + ": " + String.join("; ", h.problems())).toList();
        return why.isEmpty() ? "" : " (unusable hosts: " + String.join(", ", why) + ")";
    }

    static long freeVcpu(Host h, BigDecimal overcommit) {
        return overcommit.multiply(BigDecimal.valueOf(h.vcpu())).longValue() - h.usedVcpu();
    }

    static long freeMemory(Host h, BigDecimal overcommit) {
        return overcommit.multiply(BigDecimal.valueOf(h.memoryMb())).longValue() - h.usedMemoryMb();
    }
}
