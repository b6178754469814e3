package org.mtmanager.api.billing;

import java.math.BigDecimal;

/**
 * One line of a statement: a machine and a licence (a CHARGE), or a correction (an ADJUSTMENT, whose machine may
 * be 0 and whose quantity and licence-days are 0).
 *
 * @param quantity    the highest daily quantity in the period
 * @param licenceDays the sum over the period's days of quantity x the fraction of the day the machine existed
 * @param note        for an adjustment: the corrected period and the reason
 */
public record StatementLine(LineKind kind, long machineId, String serial, String hostname, Licence licence,
                            int quantity, BigDecimal licenceDays, BigDecimal unitPrice, BigDecimal amount,
                            String note) {
}
