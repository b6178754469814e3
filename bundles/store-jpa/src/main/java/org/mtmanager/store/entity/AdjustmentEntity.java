package org.mtmanager.store.entity;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * A correction of a closed period ({@code correctsPeriod}), carried as an adjustment line by the account's
 * statement of {@code period}: the first period not yet closed when the correction was made.
 */
@Entity
@Table(name = "MTM_ADJUSTMENT", indexes = @Index(name = "IX_ADJUSTMENT_PERIOD", columnList = "ACCOUNTID, BILLING_PERIOD"))
public class AdjustmentEntity {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long accountId;
    @Column(name = "BILLING_PERIOD", length = 7, nullable = false)
    private String period;
    @Column(length = 7, nullable = false)
    private String correctsPeriod;
    private long machineId;
    @Column(length = 16)
    private String licence;
    @Column(precision = 21, scale = 4)
    private BigDecimal amount;
    @Column(length = 200)
    private String reason;
    @Column(length = 64)
    private String createdBy;
    private Timestamp createdAt;

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

    public String getCorrectsPeriod() {
        return correctsPeriod;
    }

    public void setCorrectsPeriod(String correctsPeriod) {
        this.correctsPeriod = correctsPeriod;
    }

    public long getMachineId() {
        return machineId;
    }

    public void setMachineId(long machineId) {
        this.machineId = machineId;
    }

    public String getLicence() {
        return licence;
    }

    public void setLicence(String licence) {
        this.licence = licence;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public Instant getCreatedAt() {
        return Timestamps.instant(createdAt);
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = Timestamps.of(createdAt);
    }
}
