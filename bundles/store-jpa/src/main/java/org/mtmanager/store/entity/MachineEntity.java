package org.mtmanager.store.entity;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.EntityListeners;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Version;

import org.mtmanager.api.machine.CustomerData;

/** A customer machine. {@code accountPath} copies its owner's path so a subtree's machines are one indexed prefix query; a deleted machine keeps its row (state DELETED) for billing and audit, and frees its hostname. */
@Entity
@EntityListeners(EntityChanges.class)
@Table(name = "MTM_MACHINE", indexes = {@Index(name = "IX_MACHINE_PATH_STATE", columnList = "ACCOUNTPATH, STATE, EXTENSIONS, TENANTS, ID"),
    @Index(name = "IX_MACHINE_ID_STATE_PATH", columnList = "ID, STATE, ACCOUNTPATH"), @Index(name = "IX_MACHINE_HOSTNAME", columnList = "HOSTNAME")})
public class MachineEntity {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(length = 32, nullable = false, unique = true)
    private String serial;
    @Column(length = 63, nullable = false)
    private String hostname;
    @Column(length = 100)
    private String displayName;
    private long accountId;
    @Column(length = 400)
    private String accountPath;
    /** The end customer's data, in this table's own columns. */
    @Embedded
    private Customer customer;
    private long planId;
    @Column(length = 64)
    private String host;
    @Column(length = 32)
    private String driverType;
    @Column(length = 45)
    private String internalIp;
    @Column(length = 20)
    private String pbxVersion;
    private int extensions;
    private int tenants;
    private int lines;
    @Column(length = 16, nullable = false)
    private String state;
    private Timestamp createdAt;
    private Timestamp updatedAt;
    @Version
    private long version;

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public String getSerial() {
        return serial;
    }

    public void setSerial(String serial) {
        this.serial = serial;
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

    public long getAccountId() {
        return accountId;
    }

    public void setAccountId(long accountId) {
        this.accountId = accountId;
    }

    public String getAccountPath() {
        return accountPath;
    }

    public void setAccountPath(String accountPath) {
        this.accountPath = accountPath;
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

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getDriverType() {
        return driverType;
    }

    public void setDriverType(String driverType) {
        this.driverType = driverType;
    }

    public String getInternalIp() {
        return internalIp;
    }

    public void setInternalIp(String internalIp) {
        this.internalIp = internalIp;
    }

    public String getPbxVersion() {
        return pbxVersion;
    }

    public void setPbxVersion(String pbxVersion) {
        this.pbxVersion = pbxVersion;
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

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public Instant getCreatedAt() {
        return Timestamps.instant(createdAt);
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = Timestamps.of(createdAt);
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

    public void setVersion(long version) {
        this.version = version;
    }

    public int getLines() {
        return lines;
    }

    public void setLines(int lines) {
        this.lines = lines;
    }
}
