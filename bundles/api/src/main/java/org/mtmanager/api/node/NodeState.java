package org.mtmanager.api.node;

/**
 * UP: it heartbeats. DOWN: its last heartbeat is older than its lease (it died, hangs, or cannot reach the
 * database): its job leases are free. STOPPED: it stopped cleanly and gave its leases back.
 */
public enum NodeState {
    UP, DOWN, STOPPED
}
