package org.mtmanager.store.entity;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EntityListeners;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

/** An account of the tree. {@code path} is the materialised path of ids ("/1/7/42/"), so a subtree is one indexed prefix query; {@code nameKey} is the lower-cased name that sibling uniqueness is checked on. */
@Entity
@EntityListeners(EntityChanges.class)
@Table(name = "MTM_ACCOUNT", uniqueConstraints = @UniqueConstraint(name = "UQ_ACCOUNT_SIBLING", columnNames = {"PARENTID", "NAMEKEY"}), indexes = {@Index(name = "IX_ACCOUNT_PATH_ID", columnList = "PATH, ID"), @Index(name = "IX_ACCOUNT_PARENT", columnList = "PARENTID")})
public class AccountEntity {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long parentId;
    @Column(length = 16, nullable = false)
    private String type;
    @Column(length = 100, nullable = false)
    private String name;
    @Column(length = 100, nullable = false)
    private String nameKey;
    @Column(length = 254)
    private String contactEmail;
    @Column(length = 16, nullable = false)
    private String status;
    @Column(length = 400)
    private String path;
    private Timestamp createdAt;
    private Timestamp updatedAt;
    /** Every user of this account's subtree must use two-factor authentication; nullable, so that the column can be added to an existing table. */
    private Boolean requireTwoFactor;
    @Version
    private long version;

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public long getParentId() {
        return parentId;
    }

    public void setParentId(long parentId) {
        this.parentId = parentId;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNameKey() {
        return nameKey;
    }

    public void setNameKey(String nameKey) {
        this.nameKey = nameKey;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public boolean isRequireTwoFactor() {
        return Boolean.TRUE.equals(requireTwoFactor);
    }

    public void setRequireTwoFactor(boolean requireTwoFactor) {
        this.requireTwoFactor = requireTwoFactor;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
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

    public void setVersion(long version) {
        this.version = version;
    }
}
