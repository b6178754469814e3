package org.mtmanager.store.entity;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** An account's own price list: a unit price per licence per month (4 decimals), in one currency. */
@Entity
@Table(name = "MTM_PRICE_LIST")
public class PriceListEntity {
    @Id
    private long accountId;
    @Column(length = 3, nullable = false)
    private String currency;
    @Column(length = 16, nullable = false)
    private String ratingMode;
    @Column(precision = 19, scale = 4)
    private BigDecimal userPrice;
    @Column(precision = 19, scale = 4)
    private BigDecimal tenantPrice;
    @Column(precision = 19, scale = 4)
    private BigDecimal appPerMachinePrice;
    @Column(precision = 19, scale = 4)
    private BigDecimal appPerUserPrice;
    private Timestamp updatedAt;
    @Version
    private long version;

    public long getAccountId() {
        return accountId;
    }

    public void setAccountId(long accountId) {
        this.accountId = accountId;
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

    public BigDecimal getUserPrice() {
        return userPrice;
    }

    public void setUserPrice(BigDecimal userPrice) {
        this.userPrice = userPrice;
    }

    public BigDecimal getTenantPrice() {
        return tenantPrice;
    }

    public void setTenantPrice(BigDecimal tenantPrice) {
        this.tenantPrice = tenantPrice;
    }

    public BigDecimal getAppPerMachinePrice() {
        return appPerMachinePrice;
    }

    public void setAppPerMachinePrice(BigDecimal appPerMachinePrice) {
        this.appPerMachinePrice = appPerMachinePrice;
    }

    public BigDecimal getAppPerUserPrice() {
        return appPerUserPrice;
    }

    public void setAppPerUserPrice(BigDecimal appPerUserPrice) {
        this.appPerUserPrice = appPerUserPrice;
    }

    public Instant getUpdatedAt() {
        return Timestamps.instant(updatedAt);
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = Timestamps.of(updatedAt);
    }

    public long getVersion() {
        return version;
    }
}
