package org.mtmanager.store.entity;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A server node sharing the platform's database: its own row, kept by its heartbeat. {@code leaseUntil} is the last
 * heartbeat plus the node's lease: a node UP whose lease has passed is DOWN, and every job lease it holds is free.
 */
@Entity
@Table(name = "MTM_NODE")
public class NodeEntity {
    @Id
    @Column(length = 64)
    private String name;
    /** UP while it runs, STOPPED after a clean stop; DOWN is not stored: it is UP with its lease passed. */
    @Column(length = 16, nullable = false)
    private String state;
    private Timestamp startedAt;
    private Timestamp heartbeatAt;
    private Timestamp leaseUntil;
    @Column(length = 200)
    private String address;
    @Column(length = 64)
    private String platformVersion;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public Instant getStartedAt() {
        return Timestamps.instant(startedAt);
    }

    public void setStartedAt(Instant startedAt) {
        this.startedAt = Timestamps.of(startedAt);
    }

    public Instant getHeartbeatAt() {
        return Timestamps.instant(heartbeatAt);
    }

    public void setHeartbeatAt(Instant heartbeatAt) {
        this.heartbeatAt = Timestamps.of(heartbeatAt);
    }

    public Instant getLeaseUntil() {
        return Timestamps.instant(leaseUntil);
    }

    public void setLeaseUntil(Instant leaseUntil) {
        this.leaseUntil = Timestamps.of(leaseUntil);
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPlatformVersion() {
        return platformVersion;
    }

    public void setPlatformVersion(String platformVersion) {
        this.platformVersion = platformVersion;
    }
}
