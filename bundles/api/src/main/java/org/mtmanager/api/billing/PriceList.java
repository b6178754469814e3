package org.mtmanager.api.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The prices an account is billed at: one unit price per licence per month, in one currency.
 *
 * @param accountId     the account asked about
 * @param ownerId       the account the list belongs to: the same one, or the nearest ancestor it inherits from
 * @param prices        a price per licence (missing ones cost 0)
 */
public record PriceList(long accountId, long ownerId, String currency, RatingMode ratingMode,
                        Map<Licence, BigDecimal> prices, Instant updatedAt) {
    public PriceList {
        prices = Map.copyOf(prices);
    }

    public boolean inherited() {
        return ownerId != accountId;
    }

    public BigDecimal price(Licence licence) {
        return prices.getOrDefault(licence, BigDecimal.ZERO);
    }
}
