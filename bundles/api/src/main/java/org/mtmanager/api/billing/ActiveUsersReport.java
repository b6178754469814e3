package org.mtmanager.api.billing;

import java.time.Instant;
import java.util.List;

/**
 * Every active MT user (licensed extension) across the machines of an account's subtree, machine by machine,
 * with the totals the account is billed for. Deleted machines are left out.
 */
public record ActiveUsersReport(long accountId, Instant asOf, long machineCount, long extensions, long tenants,
                                List<MachineLicences> machines) {
    public ActiveUsersReport {
        machines = List.copyOf(machines);
    }
}
