package org.mtmanager.store.entity;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A duty that one node at a time performs (the usage ledger, reconciliation, ...): the node holding it, until when
 * its lease lasts without renewal, a fencing counter raised at every change of holder, and when the holder last
 * ran it (so that a new holder keeps the duty's interval).
 */
@Entity
@Table(name = "MTM_DUTY")
public class DutyEntity {
    @Id @Column(length = 40)
    private String name;
    @Column(length = 64)
    private String owner;
    private Timestamp leaseUntil;
    private long fence;
    private Timestamp lastRunAt;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public Instant getLeaseUntil() {
        return Timestamps.instant(leaseUntil);
    }

    public void setLeaseUntil(Instant leaseUntil) {
        this.leaseUntil = Timestamps.of(leaseUntil);
    }

    public long getFence() {
        return fence;
    }

    public void setFence(long fence) {
        this.fence = fence;
    }

    public Instant getLastRunAt() {
        return Timestamps.instant(lastRunAt);
    }

    public void setLastRunAt(Instant lastRunAt) {
        this.lastRunAt = Timestamps.of(lastRunAt);
    }
}
