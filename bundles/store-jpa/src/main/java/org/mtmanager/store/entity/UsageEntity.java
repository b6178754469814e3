package org.mtmanager.store.entity;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * The usage ledger: one row per machine per day. The unique constraint on (machine, day) is what makes "exactly
 * one record per machine per day" hold against retries, restarts and a second server. {@code day} is the UTC date
 * as yyyymmdd (20240229): sortable, a month is one range, and no JDBC time-zone conversion can shift it.
 */
@Entity
@Table(name = "MTM_USAGE", uniqueConstraints = @UniqueConstraint(name = "UQ_USAGE_MACHINE_DAY", columnNames = {"MACHINEID", "USAGE_DAY"}),
    indexes = @Index(name = "IX_USAGE_PATH_DAY", columnList = "ACCOUNTPATH, USAGE_DAY"))
public class UsageEntity {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long machineId;
    @Column(name = "USAGE_DAY")
    private int day;
    private long accountId;
    @Column(length = 400)
    private String accountPath;
    @Column(length = 32)
    private String serial;
    @Column(length = 63)
    private String hostname;
    private long planId;
    private int extensions;
    private int tenants;
    private int appsPerMachine;
    private int appsPerUser;
    private int liveSeconds;
    private Timestamp recordedAt;

    public long getId() {
        return id;
    }

    public long getMachineId() {
        return machineId;
    }

    public void setMachineId(long machineId) {
        this.machineId = machineId;
    }

    public int getDay() {
        return day;
    }

    public void setDay(int day) {
        this.day = day;
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

    public int getAppsPerMachine() {
        return appsPerMachine;
    }

    public void setAppsPerMachine(int appsPerMachine) {
        this.appsPerMachine = appsPerMachine;
    }

    public int getAppsPerUser() {
        return appsPerUser;
    }

    public void setAppsPerUser(int appsPerUser) {
        this.appsPerUser = appsPerUser;
    }

    public int getLiveSeconds() {
        return liveSeconds;
    }

    public void setLiveSeconds(int liveSeconds) {
        this.liveSeconds = liveSeconds;
    }

    public Instant getRecordedAt() {
        return Timestamps.instant(recordedAt);
    }

    public void setRecordedAt(Instant recordedAt) {
        this.recordedAt = Timestamps.of(recordedAt);
    }
}
