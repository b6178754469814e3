package org.mtmanager.api.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One account's bill for one period: its lines (machines of the account's subtree, plus adjustments) and the
 * total, which is exactly the sum of the lines' amounts. Listings leave {@code lines} empty and give
 * {@code lineCount}.
 */
public record Statement(long accountId, String period, StatementState state, String currency, RatingMode ratingMode,
                        int daysInPeriod, BigDecimal total, int lineCount, List<StatementLine> lines,
                        Instant closedAt, String closedBy) {
    public Statement {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public Statement summary() {
        return new Statement(accountId, period, state, currency, ratingMode, daysInPeriod, total, lineCount, List.of(),
            closedAt, closedBy);
    }
}
