package org.mtmanager.api.billing;

import java.math.BigDecimal;

/**
 * A correction of a closed period, as a client sends it: it becomes an adjustment line of the account's next open
 * period, never a change to the closed statement.
 *
 * @param amount    positive to charge more, negative to credit; in the statement's currency
 * @param licence   the licence corrected (optional)
 * @param machineId the machine corrected (optional)
 */
public record Correction(BigDecimal amount, String licence, Long machineId, String reason) {
}
