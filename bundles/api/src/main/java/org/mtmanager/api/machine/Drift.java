package org.mtmanager.api.machine;

/**
 * One difference between the platform's database and what a driver reports.
 *
 * @param kind      ORPHAN (the driver has a machine the platform does not know or deleted), MISSING (the platform's
 *                  machine is gone from its host), STATE or VERSION (they disagree)
 * @param machineId the platform's machine id, or 0 for an orphan
 * @param repaired  whether this run repaired it
 */
public record Drift(String kind, String host, String serial, long machineId, String detail, boolean repaired) {
}
