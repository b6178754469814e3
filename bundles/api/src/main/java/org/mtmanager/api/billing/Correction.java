package org.mtmanager.api.billing;

import java.math.BigDecimal;
import java.util.Arrays;

import org.mtmanager.api.field.FieldSpec;

/**
 * A correction of a closed period, as a client sends it: it becomes an adjustment line of the account's next open
 * period, never a change to the closed statement.
 *
 * @param amount    positive to charge more, negative to credit; in the statement's currency
 * @param licence   the licence corrected (optional)
 * @param machineId the machine corrected (optional)
 */
public record Correction(BigDecimal amount, String licence, Long machineId, String reason) {
    public static final FieldSpec AMOUNT = FieldSpec.value("amount").mandatory().example("-12.50");
    public static final FieldSpec LICENCE = FieldSpec.oneOf("licence", Arrays.stream(Licence.values()).map(Licence::name).toList());
    public static final FieldSpec REASON = FieldSpec.text("reason", 200).mandatory().example("credit for the outage of 3 March");
}
