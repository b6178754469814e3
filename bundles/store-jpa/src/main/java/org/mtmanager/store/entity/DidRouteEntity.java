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
import javax.persistence.Version;

/**
 * A DID route: an E.164 prefix, kept as its digits only (no '+'), to a machine. The prefix is unique across the
 * platform, which is what makes a longest-prefix lookup unambiguous; a lookup reads the rows whose prefix is one of
 * the number's own prefixes, on that unique index.
 */
@Entity
@Table(name = "MTM_DID_ROUTE", uniqueConstraints = @UniqueConstraint(name = "UQ_DID_PREFIX", columnNames = "PREFIX"),
    indexes = @Index(name = "IX_DID_MACHINE", columnList = "MACHINEID"))
public class DidRouteEntity {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(length = 15, nullable = false)
    private String prefix;
    private long machineId;
    @Column(length = 200)
    private String description;
    @Column(length = 64)
    private String createdBy;
    private Timestamp createdAt;
    private Timestamp updatedAt;
    @Version
    private long version;

    public long getId() {
        return id;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public long getMachineId() {
        return machineId;
    }

    public void setMachineId(long machineId) {
        this.machineId = machineId;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
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
