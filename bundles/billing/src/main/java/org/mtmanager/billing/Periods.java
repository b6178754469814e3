package org.mtmanager.billing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.mtmanager.api.MtmException;

/**
 * Billing periods (calendar months, UTC) and ledger days. The ledger stores a day as the int yyyymmdd, so a
 * period is one range of that column.
 */
final class Periods {

    private Periods() {
    }

    static YearMonth parse(String field, String value) {
        if (value == null || !value.matches("\\d{4}-\\d{2}")) {
            throw MtmException.invalid(field, "must be a month written YYYY-MM, such as 2024-02");
        }
        try {
            YearMonth p = YearMonth.parse(value);
            if (p.getYear() < 2000 || p.getYear() > 2999) {
                throw MtmException.invalid(field, "must be a month between 2000-01 and 2999-12");
            }
            return p;
        } catch (DateTimeParseException e) {
            throw MtmException.invalid(field, "must be a month written YYYY-MM, such as 2024-02");
        }
    }

    static int day(LocalDate d) {
        return d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    static LocalDate date(int day) {
        return LocalDate.of(day / 10000, day / 100 % 100, day % 100);
    }

    static int first(YearMonth p) {
        return day(p.atDay(1));
    }

    static int last(YearMonth p) {
        return day(p.atEndOfMonth());
    }
}
