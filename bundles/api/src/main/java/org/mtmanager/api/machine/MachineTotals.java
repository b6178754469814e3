package org.mtmanager.api.machine;

import java.util.Map;

/** The dashboard figures of a subtree: machines by state, and the licensed extensions and tenants billed. */
public record MachineTotals(long accountId, Map<MachineState, Long> machinesByState, long extensions, long tenants) {
    public MachineTotals {
        machinesByState = Map.copyOf(machinesByState);
    }
}
