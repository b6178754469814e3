package org.mtmanager.api.billing;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;

import org.mtmanager.api.field.FieldSpec;

/**
 * An account's own price list, as a client sends it.
 *
 * @param currency   ISO 4217 code, e.g. EUR
 * @param ratingMode PRO_RATA (the default) or PEAK
 * @param prices     licence name (USER, TENANT, APP_PER_MACHINE, APP_PER_USER) to unit price per month
 */
public record PriceListDraft(String currency, String ratingMode, Map<String, BigDecimal> prices) {
    public static final FieldSpec CURRENCY = FieldSpec.text("currency", 3).mandatory()
        .matching("^[A-Z]{3}$", "must be an ISO 4217 code of 3 capital letters, such as EUR").example("EUR");
    public static final FieldSpec RATING_MODE = FieldSpec.oneOf("ratingMode",
        Arrays.stream(RatingMode.values()).map(RatingMode::name).toList());
    public static final FieldSpec PRICES = FieldSpec.value("prices").mandatory().example("{\"USER\": 1.5, \"TENANT\": 4}");
}
