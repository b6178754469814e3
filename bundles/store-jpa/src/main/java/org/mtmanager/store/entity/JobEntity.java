package org.mtmanager.store.entity;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Version;

/** A persisted job; jobs not in a final state are resumed when the platform starts, and tried again after a failure that may pass. */
@Entity
@Table(name = "MTM_JOB", indexes = {@Index(name = "IX_JOB_MACHINE", columnList = "MACHINEID, STATE"), @Index(name = "IX_JOB_KEY", columnList = "ACCOUNTPATH, IDEMPOTENCYKEY"), @Index(name = "IX_JOB_STATE", columnList = "STATE")})
public class JobEntity {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(length = 16, nullable = false)
    private String type;
    private long machineId;
    @Column(length = 400)
    private String accountPath;
    @Column(length = 16, nullable = false)
    private String state;
    @Column(length = 200)
    private String step;
    private int percent;
    /** Failed attempts so far (failures that may pass: the engine tries again after a pause, a few times). */
    private int attempts;
    /** When a WAITING job is next tried; null while it runs. */
    private Timestamp nextAttemptAt;
    @Column(length = 1000)
    private String result;
    @Column(length = 1000)
    private String error;
    @Column(length = 100)
    private String idempotencyKey;
    @Column(length = 64)
    private String createdBy;
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

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public long getMachineId() {
        return machineId;
    }

    public void setMachineId(long machineId) {
        this.machineId = machineId;
    }

    public String getAccountPath() {
        return accountPath;
    }

    public void setAccountPath(String accountPath) {
        this.accountPath = accountPath;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getStep() {
        return step;
    }

    public void setStep(String step) {
        this.step = step;
    }

    public int getPercent() {
        return percent;
    }

    public void setPercent(int percent) {
        this.percent = percent;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt == null ? null : nextAttemptAt.toInstant();
    }

    public void setNextAttemptAt(Instant nextAttemptAt) {
        this.nextAttemptAt = nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt.truncatedTo(ChronoUnit.MILLIS));
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    public String getError() {
        return error;
    }

    public void setError(String error) {
        this.error = error;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt == null ? null : createdAt.toInstant();
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt == null ? null : Timestamp.from(createdAt.truncatedTo(ChronoUnit.MILLIS));
    }

    public Instant getUpdatedAt() {
        return updatedAt == null ? null : updatedAt.toInstant();
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt == null ? null : Timestamp.from(updatedAt.truncatedTo(ChronoUnit.MILLIS));
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
