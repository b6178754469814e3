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

/** A request to move a machine to another resource plan, and the platform administrator's decision. */
@Entity
@Table(name = "MTM_PLAN_CHANGE", indexes = @Index(name = "IX_PLAN_CHANGE_MACHINE", columnList = "MACHINEID, STATE"))
public class PlanChangeEntity {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long machineId;
    @Column(length = 400)
    private String accountPath;
    private long fromPlanId;
    private long toPlanId;
    @Column(length = 16, nullable = false)
    private String state;
    @Column(length = 500)
    private String reason;
    @Column(length = 64)
    private String requestedBy;
    private Timestamp requestedAt;
    @Column(length = 64)
    private String decidedBy;
    private Timestamp decidedAt;
    @Column(length = 500)
    private String decision;
    private long jobId;

    public long getId() { return id; }
    public long getMachineId() { return machineId; }
    public void setMachineId(long v) { machineId = v; }
    public String getAccountPath() { return accountPath; }
    public void setAccountPath(String v) { accountPath = v; }
    public long getFromPlanId() { return fromPlanId; }
    public void setFromPlanId(long v) { fromPlanId = v; }
    public long getToPlanId() { return toPlanId; }
    public void setToPlanId(long v) { toPlanId = v; }
    public String getState() { return state; }
    public void setState(String v) { state = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public String getRequestedBy() { return requestedBy; }
    public void setRequestedBy(String v) { requestedBy = v; }
    public Instant getRequestedAt() { return Timestamps.instant(requestedAt); }
    public void setRequestedAt(Instant v) { requestedAt = Timestamps.of(v); }
    public String getDecidedBy() { return decidedBy; }
    public void setDecidedBy(String v) { decidedBy = v; }
    public Instant getDecidedAt() { return Timestamps.instant(decidedAt); }
    public void setDecidedAt(Instant v) { decidedAt = Timestamps.of(v); }
    public String getDecision() { return decision; }
    public void setDecision(String v) { decision = v; }
    public long getJobId() { return jobId; }
    public void setJobId(long v) { jobId = v; }
}
