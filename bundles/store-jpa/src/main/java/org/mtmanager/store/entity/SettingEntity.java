package org.mtmanager.store.entity;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EntityListeners;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A typed platform setting; {@code choices} is a comma-separated list for CHOICE settings. */
@Entity
@EntityListeners(EntityChanges.class)
@Table(name = "MTM_SETTING")
public class SettingEntity {
    @Id @Column(name = "SKEY", length = 100)
    private String key;
    @Column(length = 16, nullable = false)
    private String type;
    @Column(name = "SVALUE", length = 1000)
    private String value;
    @Column(length = 1000)
    private String choices;
    private boolean locked;
    @Column(length = 500)
    private String description;
    @Column(length = 500)
    private String lockReason;
    private Timestamp updatedAt;
    @Column(length = 64)
    private String updatedBy;
    @Version
    private long version;

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getChoices() {
        return choices;
    }

    public void setChoices(String choices) {
        this.choices = choices;
    }

    public boolean isLocked() {
        return locked;
    }

    public void setLocked(boolean locked) {
        this.locked = locked;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getLockReason() {
        return lockReason;
    }

    public void setLockReason(String lockReason) {
        this.lockReason = lockReason;
    }

    public Instant getUpdatedAt() {
        return Timestamps.instant(updatedAt);
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = Timestamps.of(updatedAt);
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public void setUpdatedBy(String updatedBy) {
        this.updatedBy = updatedBy;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
