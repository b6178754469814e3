package org.mtmanager.api.billing;

/** A machine of the inventory with what it is licensed for right now. */
public record MachineLicences(long machineId, String serial, String hostname, long accountId, String state,
                              int extensions, int tenants, int appsPerMachine, int appsPerUser) {
}
