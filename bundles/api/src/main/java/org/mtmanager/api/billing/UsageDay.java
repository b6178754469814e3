package org.mtmanager.api.billing;

/**
 * The ledger's record of one machine on one day (UTC): what it was licensed for, and for how many seconds of the
 * day it existed (less than 86,400 on the days it was created or deleted).
 *
 * @param day            ISO date, e.g. 2024-02-29
 * @param appsPerMachine activated apps licensed per machine
 * @param appsPerUser    activated apps licensed per user (each counts once per extension)
 */
public record UsageDay(String day, long machineId, String serial, String hostname, long accountId, int extensions,
                       int tenants, int appsPerMachine, int appsPerUser, int liveSeconds) {

    /** The quantity of a licence on this day. */
    public int quantity(Licence licence) {
        return switch (licence) {
            case USER -> extensions;
            case TENANT -> tenants;
            case APP_PER_MACHINE -> appsPerMachine;
            case APP_PER_USER -> appsPerUser * extensions;
        };
    }
}
