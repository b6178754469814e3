package org.mtmanager.api.node;

import java.time.Instant;
import java.util.List;

/**
 * One server node.
 *
 * @param address where it is reached: its host name, with its HTTP port when known
 * @param version the platform version it runs
 * @param jobs    the ids of the jobs whose lease it holds (it runs them now), oldest first; none unless UP
 * @param duties  the duties whose lease it holds (usage-ledger, reconcile, grant-expiry, firewall-sync), by name;
 *                none unless UP
 */
public record Node(String name, NodeState state, Instant startedAt, Instant heartbeatAt, String address, String version,
                   List<Long> jobs, List<String> duties) {

    public Node {
        jobs = List.copyOf(jobs);
        duties = List.copyOf(duties);
    }
}
