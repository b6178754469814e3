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

/** A service grant: a source block may reach one service of a machine, until its expiry if it has one. Revoked and expired grants are deleted (the audit keeps them). */
@Entity
@Table(name = "MTM_GRANT", uniqueConstraints = @UniqueConstraint(name = "UQ_GRANT", columnNames = {"MACHINEID", "SOURCE", "PROTOCOL", "PORT"}),
    indexes = {@Index(name = "IX_GRANT_MACHINE", columnList = "MACHINEID"), @Index(name = "IX_GRANT_EXPIRES", columnList = "EXPIRESAT"),
        @Index(name = "IX_GRANT_STATE", columnList = "STATE")})
public class GrantEntity {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long machineId;
    @Column(length = 50, nullable = false)
    private String source;
    @Column(length = 40, nullable = false)
    private String service;
    @Column(length = 3, nullable = false)
    private String protocol;
    private int port;
    private Timestamp expiresAt;
    @Column(length = 10, nullable = false)
    private String state;
    @Column(length = 64)
    private String createdBy;
    private Timestamp createdAt;

    public long getId() {
        return id;
    }

    public long getMachineId() {
        return machineId;
    }

    public void setMachineId(long machineId) {
        this.machineId = machineId;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public Instant getExpiresAt() {
        return Timestamps.instant(expiresAt);
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = Timestamps.of(expiresAt);
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
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
