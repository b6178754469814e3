package org.mtmanager.api.machine;

import java.util.Map;

/**
 * The dashboard figures of a subtree: its machines, by state, and the licensed extensions and tenants billed.
 *
 * @param machines        the machines that exist (in any state but DELETED): what the machine list holds
 * @param machinesByState every state's count, DELETED included (the records kept for billing and audit)
 */
public record MachineTotals(long accountId, long machines, Map<MachineState, Long> machinesByState, long extensions, long tenants) {
    public MachineTotals {
        machinesByState = Map.copyOf(machinesByState);
    }
}
