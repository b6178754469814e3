package org.mtmanager.store.entity;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A day (yyyymmdd, UTC) the usage ledger has recorded completely; the next run starts after the latest one. */
@Entity
@Table(name = "MTM_USAGE_DAY")
public class UsageDayEntity {
    @Id @Column(name = "USAGE_DAY")
    private int day;
    private int machines;
    private Timestamp recordedAt;

    public int getDay() {
        return day;
    }

    public void setDay(int day) {
        this.day = day;
    }

    public int getMachines() {
        return machines;
    }

    public void setMachines(int machines) {
        this.machines = machines;
    }

    public Instant getRecordedAt() {
        return Timestamps.instant(recordedAt);
    }

    public void setRecordedAt(Instant recordedAt) {
        this.recordedAt = Timestamps.of(recordedAt);
    }
}
