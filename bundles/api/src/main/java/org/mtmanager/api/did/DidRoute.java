package org.mtmanager.api.did;

import java.time.Instant;

/**
 * One entry of the DID table.
 *
 * @param number          the prefix, normalised: {@code +} and 1 to 15 digits
 * @param machineHostname the target machine's hostname, for display
 * @param accountId       the account that owns the target machine
 */
public record DidRoute(long id, String number, long machineId, String machineHostname, long accountId,
                       String description, String createdBy, Instant createdAt, Instant updatedAt) {
}
