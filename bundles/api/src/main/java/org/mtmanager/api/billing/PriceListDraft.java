package org.mtmanager.api.billing;

import java.math.BigDecimal;
import java.util.Map;

/**
 * An account's own price list, as a client sends it.
 *
 * @param currency   ISO 4217 code, e.g. EUR
 * @param ratingMode PRO_RATA (the default) or PEAK
 * @param prices     licence name (USER, TENANT, APP_PER_MACHINE, APP_PER_USER) to unit price per month
 */
public record PriceListDraft(String currency, String ratingMode, Map<String, BigDecimal> prices) {
}
