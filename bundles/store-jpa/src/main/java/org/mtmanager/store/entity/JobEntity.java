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

import org.mtmanager.api.job.JobState;

/**
 * A persisted job; jobs not in a final state are claimed by a node (a lease on the row), run, and tried again after
 * a failure that may pass. While the job is open, {@code openMachineId} is its machine's id, and unique: so a
 * machine has one open job at most, whichever node creates it.
 */
@Entity
@Table(name = "MTM_JOB", indexes = {@Index(name = "IX_JOB_MACHINE", columnList = "MACHINEID, STATE"), @Index(name = "IX_JOB_KEY", columnList = "ACCOUNTPATH, IDEMPOTENCYKEY"), @Index(name = "IX_JOB_STATE", columnList = "STATE")},
    uniqueConstraints = @UniqueConstraint(name = "UQ_JOB_OPENMACHINE", columnNames = "OPENMACHINEID"))
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
    /** The node that holds the job's lease (runs it now); null when no node does. */
    @Column(length = 64)
    private String leaseOwner;
    /** When the lease ends unless its node renews it. */
    private Timestamp leaseUntil;
    /** +1 at every claim: a write of the job's worker holds only while the fence is the one it claimed. */
    private long fence;
    /** Claims since the job last recorded an outcome of its own: runs that died or whose outcome was refused. */
    private int claims;
    /** The machine's id while the job is open, null once it is final (unique: one open job per machine). */
    private Long openMachineId;
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

    /** Also keeps {@code openMachineId}: set while the job is open, cleared once it is final. */
    public void setState(String state) {
        this.state = state;
        this.openMachineId = JobState.valueOf(state).isFinal() ? null : machineId;
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
        return Timestamps.instant(nextAttemptAt);
    }

    public void setNextAttemptAt(Instant nextAttemptAt) {
        this.nextAttemptAt = Timestamps.of(nextAttemptAt);
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

    public String getLeaseOwner() {
        return leaseOwner;
    }

    public Instant getLeaseUntil() {
        return Timestamps.instant(leaseUntil);
    }

    /** The job's lease ends: no node holds it (the fence stays, so a late write of its last holder is refused). */
    public void endLease() {
        this.leaseOwner = null;
        this.leaseUntil = null;
    }

    public long getFence() {
        return fence;
    }

    public int getClaims() {
        return claims;
    }

    public void setClaims(int claims) {
        this.claims = claims;
    }

    public Long getOpenMachineId() {
        return openMachineId;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
