package org.mtmanager.api.billing;

/**
 * What one run of the usage ledger did: the days it recorded and the records it added. A run that finds
 * everything recorded adds nothing.
 *
 * @param recordedThrough the last complete day of the ledger after the run (ISO date), or null while it is empty
 */
public record LedgerRun(int days, int records, String recordedThrough) {
}
