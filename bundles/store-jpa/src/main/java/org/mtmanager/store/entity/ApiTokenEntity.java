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

/** An API token of a user: only the SHA-256 of its random part is kept. */
@Entity
@EntityListeners(EntityChanges.class)
@Table(name = "MTM_API_TOKEN", indexes = @Index(name = "IX_TOKEN_USER", columnList = "USERID"))
public class ApiTokenEntity {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long userId;
    @Column(length = 100, nullable = false)
    private String name;
    @Column(length = 16, nullable = false)
    private String scope;
    /** Space-separated CIDRs; empty for any address (the account's portal whitelist still applies). */
    @Column(length = 2000)
    private String cidrs;
    @Column(length = 64, nullable = false)
    private String secretHash;
    private Timestamp createdAt;
    private Timestamp expiresAt;
    private Timestamp revokedAt;
    private Timestamp lastUsedAt;
    @Column(length = 64)
    private String lastUsedIp;

    public long getId() {
        return id;
    }

    public long getUserId() {
        return userId;
    }

    public void setUserId(long userId) {
        this.userId = userId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getCidrs() {
        return cidrs;
    }

    public void setCidrs(String cidrs) {
        this.cidrs = cidrs;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public void setSecretHash(String secretHash) {
        this.secretHash = secretHash;
    }

    public Instant getCreatedAt() {
        return Timestamps.instant(createdAt);
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = Timestamps.of(createdAt);
    }

    public Instant getExpiresAt() {
        return Timestamps.instant(expiresAt);
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = Timestamps.of(expiresAt);
    }

    public Instant getRevokedAt() {
        return Timestamps.instant(revokedAt);
    }

    public void setRevokedAt(Instant revokedAt) {
        this.revokedAt = Timestamps.of(revokedAt);
    }

    public Instant getLastUsedAt() {
        return Timestamps.instant(lastUsedAt);
    }

    public void setLastUsedAt(Instant lastUsedAt) {
        this.lastUsedAt = Timestamps.of(lastUsedAt);
    }

    public String getLastUsedIp() {
        return lastUsedIp;
    }

    public void setLastUsedIp(String lastUsedIp) {
        this.lastUsedIp = lastUsedIp;
    }
}
