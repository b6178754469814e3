package org.mtmanager.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.persistence.EntityManager;

import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.billing.Licence;
import org.mtmanager.api.billing.PriceList;
import org.mtmanager.api.billing.PriceListDraft;
import org.mtmanager.api.billing.RatingMode;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.platform.util.Fields;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.PriceListEntity;

/** Price lists: validation, and the inheritance that gives an account without a list its nearest ancestor's. */
final class PriceLists {
    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000000");

    private PriceLists() {
    }

    /** The list the account is billed at, walking up its path; null when no account up the tree has one. */
    static PriceList effective(EntityManager em, AccountEntity a) {
        List<Long> path = Scope.idsOnPath(a.getPath());
        Collections.reverse(path);
        for (long id : path) {
            PriceListEntity p = em.find(PriceListEntity.class, id);
            if (p != null) {
                return view(a.getId(), p);
            }
        }
        return null;
    }

    static PriceList required(EntityManager em, AccountEntity a) {
        PriceList p = effective(em, a);
        if (p == null) {
            throw new MtmException(ErrorCode.RULE_VIOLATION, "priceList", "no price list applies to account " + a.getId()
                + ": neither it nor any account above it has one");
        }
        return p;
    }

    static PriceList view(long accountId, PriceListEntity p) {
        Map<Licence, BigDecimal> prices = new EnumMap<>(Licence.class);
        prices.put(Licence.USER, p.getUserPrice().setScale(Rating.PRICE_SCALE));
        prices.put(Licence.TENANT, p.getTenantPrice().setScale(Rating.PRICE_SCALE));
        prices.put(Licence.APP_PER_MACHINE, p.getAppPerMachinePrice().setScale(Rating.PRICE_SCALE));
        prices.put(Licence.APP_PER_USER, p.getAppPerUserPrice().setScale(Rating.PRICE_SCALE));
        return new PriceList(accountId, p.getAccountId(), p.getCurrency(), RatingMode.valueOf(p.getRatingMode()), prices,
            p.getUpdatedAt());
    }

    /** Validates a draft into the entity's fields; every error names the field and the rule. */
    static void apply(PriceListEntity e, PriceListDraft d) {
        if (d == null) {
            throw MtmException.invalid("priceList", "is required");
        }
        e.setCurrency(currency(d.currency()));
        e.setRatingMode(mode(d.ratingMode()).name());
        if (d.prices() == null || d.prices().isEmpty()) {
            throw MtmException.invalid("prices", "must give a price for at least one licence: " + List.of(Licence.values()));
        }
        Map<Licence, BigDecimal> prices = new EnumMap<>(Licence.class);
        for (Map.Entry<String, BigDecimal> p : d.prices().entrySet()) {
            Licence l = licence("prices", p.getKey());
            prices.put(l, price("prices." + l.name(), p.getValue()));
        }
        e.setUserPrice(prices.getOrDefault(Licence.USER, BigDecimal.ZERO.setScale(Rating.PRICE_SCALE)));
        e.setTenantPrice(prices.getOrDefault(Licence.TENANT, BigDecimal.ZERO.setScale(Rating.PRICE_SCALE)));
        e.setAppPerMachinePrice(prices.getOrDefault(Licence.APP_PER_MACHINE, BigDecimal.ZERO.setScale(Rating.PRICE_SCALE)));
        e.setAppPerUserPrice(prices.getOrDefault(Licence.APP_PER_USER, BigDecimal.ZERO.setScale(Rating.PRICE_SCALE)));
    }

    static String currency(String value) {
        String code = Fields.text(PriceListDraft.CURRENCY, value);
        try {
            Currency.getInstance(code);
            return code;
        } catch (IllegalArgumentException e) {
            throw MtmException.invalid("currency", PriceListDraft.CURRENCY.rule());
        }
    }

    static RatingMode mode(String value) {
        if (value == null || value.isBlank()) {
            return RatingMode.PRO_RATA;
        }
        try {
            return RatingMode.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw MtmException.invalid("ratingMode", "must be PRO_RATA or PEAK");
        }
    }

    static Licence licence(String field, String value) {
        try {
            return Licence.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw MtmException.invalid(field, "must name a licence: USER, TENANT, APP_PER_MACHINE or APP_PER_USER");
        }
    }

    static BigDecimal price(String field, BigDecimal value) {
        if (value == null) {
            throw MtmException.invalid(field, "is required");
        }
        if (value.signum() < 0 || value.compareTo(MAX_PRICE) >= 0) {
            throw MtmException.invalid(field, "must be between 0 and 999999999.9999");
        }
        if (value.stripTrailingZeros().scale() > Rating.PRICE_SCALE) {
            throw MtmException.invalid(field, "must have at most " + Rating.PRICE_SCALE + " decimals");
        }
        return value.setScale(Rating.PRICE_SCALE, RoundingMode.UNNECESSARY);
    }
}
