package org.mtmanager.api.machine;

import org.mtmanager.api.Caller;

/**
 * Compares the database with every reachable driver's inventory and repairs or reports the drift: an orphan
 * machine is destroyed, a missing one is marked ERROR, the database follows the driver on state and version.
 * Machines with a job under way are left alone. Platform administrators only; it also runs at start and
 * periodically.
 */
public interface ReconciliationService {

    /** @param repair false for a report that changes nothing */
    ReconciliationReport reconcile(Caller caller, boolean repair);
}
