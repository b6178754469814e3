package org.mtmanager.api.access;

import java.util.List;

/**
 * The firewall as found by a sync.
 *
 * @param problems why the backend cannot work now, or why its rules cannot carry packets (the edge forwards
 *                 nothing, the public address is not its own, the last full sync failed), each with its remedy;
 *                 empty when all is well
 * @param drift    differences found between the database and what the backend holds, before any repair
 * @param repaired whether the backend now holds exactly the database's policy
 */
public record FirewallStatus(String backend, List<String> problems, List<String> drift, long forwards, long grants,
                             long pendingGrants, boolean repaired) {
    public FirewallStatus {
        problems = List.copyOf(problems);
        drift = List.copyOf(drift);
    }
}
