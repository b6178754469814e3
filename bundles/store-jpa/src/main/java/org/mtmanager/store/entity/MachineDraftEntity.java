package org.mtmanager.store.entity;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.mtmanager.api.machine.CustomerData;

/** A validated step-1 form of a machine, waiting for step 2. */
@Entity
@Table(name = "MTM_MACHINE_DRAFT")
public class MachineDraftEntity {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long accountId;
    @Column(length = 63, nullable = false)
    private String hostname;
    @Column(length = 100)
    private String displayName;
    /** The end customer's data, in this table's own columns. */
    @Embedded
    private Customer customer;
    private long planId;
    private int extensions;
    private int tenants;
    private int lines;
    @Column(length = 64)
    private String createdBy;
    private Timestamp createdAt;

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public long getAccountId() {
        return accountId;
    }

    public void setAccountId(long accountId) {
        this.accountId = accountId;
    }

    public String getHostname() {
        return hostname;
    }

    public void setHostname(String hostname) {
        this.hostname = hostname;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    /** The customer's data; all null when none was kept. */
    public CustomerData getCustomer() {
        return customer == null ? new CustomerData(null, null, null, null, null, null) : customer.data();
    }

    public void setCustomer(CustomerData customer) {
        this.customer = customer == null ? null : new Customer(customer);
    }

    public long getPlanId() {
        return planId;
    }

    public void setPlanId(long planId) {
        this.planId = planId;
    }

    public int getExtensions() {
        return extensions;
    }

    public void setExtensions(int extensions) {
        this.extensions = extensions;
    }

    public int getTenants() {
        return tenants;
    }

    public void setTenants(int tenants) {
        this.tenants = tenants;
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

    public int getLines() {
        return lines;
    }

    public void setLines(int lines) {
        this.lines = lines;
    }
}
