package org.mtmanager.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mtmanager.api.billing.Licence;
import org.mtmanager.api.billing.LineKind;
import org.mtmanager.api.billing.PriceList;
import org.mtmanager.api.billing.RatingMode;
import org.mtmanager.api.billing.StatementLine;
import org.mtmanager.api.billing.UsageDay;

/**
 * Turns a period's ledger records into statement lines, with exact decimals: one line per machine and licence
 * with a quantity above zero.
 *
 * <p>Licence-days are kept as whole licence-seconds until the end (quantity x seconds the machine existed), so a
 * line is rounded once: licence-days to 4 decimals for display, the amount to the currency's minor unit
 * (half-even). The statement total is the sum of the rounded amounts, so the lines always add up to it.
 */
public final class Rating {
    static final int DAYS_SCALE = 4;
    static final int PRICE_SCALE = 4;

    private Rating() {
    }

    /** The decimals of a currency's amounts (2 for EUR, 0 for JPY). */
    public static int amountScale(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException | NullPointerException e) {
            return 2;
        }
    }

    /**
     * One machine's ledger records of a period, summed per licence (in {@link Licence} order): the licence-seconds
     * and the peak quantity; its serial and host name are those of its last record.
     */
    record MachineUsage(long machineId, String serial, String hostname, long[] licenceSeconds, int[] peaks) {
    }

    /** The charge lines of a period; {@code usage} in any order, lines come out by machine then licence. */
    public static List<StatementLine> charges(List<UsageDay> usage, PriceList prices, int daysInPeriod) {
        Map<Long, List<UsageDay>> byMachine = new LinkedHashMap<>();
        usage.stream().sorted(Comparator.comparingLong(UsageDay::machineId).thenComparing(UsageDay::day))
            .forEach(u -> byMachine.computeIfAbsent(u.machineId(), k -> new ArrayList<>()).add(u));
        List<MachineUsage> machines = new ArrayList<>(byMachine.size());
        Licence[] licences = Licence.values();
        for (List<UsageDay> days : byMachine.values()) {
            UsageDay last = days.get(days.size() - 1);
            long[] seconds = new long[licences.length];
            int[] peaks = new int[licences.length];
            for (UsageDay d : days) {
                for (Licence licence : licences) {
                    int q = d.quantity(licence);
                    seconds[licence.ordinal()] += (long) q * d.liveSeconds();
                    peaks[licence.ordinal()] = Math.max(peaks[licence.ordinal()], q);
                }
            }
            machines.add(new MachineUsage(last.machineId(), last.serial(), last.hostname(), seconds, peaks));
        }
        return charges(machines, prices, daysInPeriod);
    }

    /** The charge lines of machines whose records are already summed, in their order, then by licence. */
    static List<StatementLine> charges(Iterable<MachineUsage> machines, PriceList prices, int daysInPeriod) {
        int scale = amountScale(prices.currency());
        List<StatementLine> lines = new ArrayList<>();
        for (MachineUsage m : machines) {
            for (Licence licence : Licence.values()) {
                long licenceSeconds = m.licenceSeconds()[licence.ordinal()];
                int peak = m.peaks()[licence.ordinal()];
                if (peak == 0) {
                    continue;
                }
                BigDecimal price = prices.price(licence).setScale(PRICE_SCALE, RoundingMode.UNNECESSARY);
                lines.add(new StatementLine(LineKind.CHARGE, m.machineId(), m.serial(), m.hostname(), licence, peak,
                    licenceDays(licenceSeconds), price, amount(prices.ratingMode(), price, licenceSeconds, peak, daysInPeriod, scale), null));
            }
        }
        return lines;
    }

    static BigDecimal licenceDays(long licenceSeconds) {
        return BigDecimal.valueOf(licenceSeconds).divide(BigDecimal.valueOf(UsageLedger.SECONDS_PER_DAY), DAYS_SCALE,
            RoundingMode.HALF_UP);
    }

    static BigDecimal amount(RatingMode mode, BigDecimal price, long licenceSeconds, int peak, int daysInPeriod, int scale) {
        return switch (mode) {
            case PRO_RATA -> price.multiply(BigDecimal.valueOf(licenceSeconds))
                .divide(BigDecimal.valueOf((long) UsageLedger.SECONDS_PER_DAY * daysInPeriod), scale, RoundingMode.HALF_EVEN);
            case PEAK -> price.multiply(BigDecimal.valueOf(peak)).setScale(scale, RoundingMode.HALF_EVEN);
        };
    }

    /** The exact sum of the lines' amounts, at the currency's scale. */
    public static BigDecimal total(List<StatementLine> lines, String currency) {
        BigDecimal sum = BigDecimal.ZERO.setScale(amountScale(currency));
        for (StatementLine l : lines) {
            sum = sum.add(l.amount());
        }
        return sum;
    }
}
