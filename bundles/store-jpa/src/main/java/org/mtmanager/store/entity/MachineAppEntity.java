package org.mtmanager.store.entity;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EntityListeners;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** An app activated on a machine; billing counts these. */
@Entity
@EntityListeners(EntityChanges.class)
@Table(name = "MTM_MACHINE_APP", uniqueConstraints = @UniqueConstraint(name = "UQ_MACHINE_APP", columnNames = {"MACHINEID", "APPKEY"}))
public class MachineAppEntity {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long machineId;
    @Column(length = 40, nullable = false)
    private String appKey;
    @Column(length = 64)
    private String activatedBy;
    private Timestamp activatedAt;

    public long getId() {
        return id;
    }

    public long getMachineId() {
        return machineId;
    }

    public void setMachineId(long machineId) {
        this.machineId = machineId;
    }

    public String getAppKey() {
        return appKey;
    }

    public void setAppKey(String appKey) {
        this.appKey = appKey;
    }

    public String getActivatedBy() {
        return activatedBy;
    }

    public void setActivatedBy(String activatedBy) {
        this.activatedBy = activatedBy;
    }

    public Instant getActivatedAt() {
        return Timestamps.instant(activatedAt);
    }

    public void setActivatedAt(Instant activatedAt) {
        this.activatedAt = Timestamps.of(activatedAt);
    }
}
