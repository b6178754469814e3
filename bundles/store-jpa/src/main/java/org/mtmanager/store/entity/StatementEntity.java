package org.mtmanager.store.entity;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** A closed statement; only closed ones are stored (an open one is computed), and a stored one never changes. */
@Entity
@Table(name = "MTM_STATEMENT", uniqueConstraints = @UniqueConstraint(name = "UQ_STATEMENT_PERIOD", columnNames = {"ACCOUNTID", "BILLING_PERIOD"}))
public class StatementEntity {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long accountId;
    @Column(name = "BILLING_PERIOD", length = 7, nullable = false)
    private String period;
    @Column(length = 3, nullable = false)
    private String currency;
    @Column(length = 16, nullable = false)
    private String ratingMode;
    private int daysInPeriod;
    @Column(precision = 21, scale = 4)
    private BigDecimal total;
    private int lineCount;
    private Timestamp closedAt;
    @Column(length = 64)
    private String closedBy;

    public long getId() {
        return id;
    }

    public long getAccountId() {
        return accountId;
    }

    public void setAccountId(long accountId) {
        this.accountId = accountId;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getRatingMode() {
        return ratingMode;
    }

    public void setRatingMode(String ratingMode) {
        this.ratingMode = ratingMode;
    }

    public int getDaysInPeriod() {
        return daysInPeriod;
    }

    public void setDaysInPeriod(int daysInPeriod) {
        this.daysInPeriod = daysInPeriod;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public void setTotal(BigDecimal total) {
        this.total = total;
    }

    public int getLineCount() {
        return lineCount;
    }

    public void setLineCount(int lineCount) {
        this.lineCount = lineCount;
    }

    public Instant getClosedAt() {
        return Timestamps.instant(closedAt);
    }

    public void setClosedAt(Instant closedAt) {
        this.closedAt = Timestamps.of(closedAt);
    }

    public String getClosedBy() {
        return closedBy;
    }

    public void setClosedBy(String closedBy) {
        this.closedBy = closedBy;
    }
}
