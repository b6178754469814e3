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

/**
 * A login session of the portal (or any REST client that logs in): only the SHA-256 of its random key is kept.
 * Rows stay after the session ends, so that a user's session history can be shown; a sweep may drop old ones.
 */
@Entity
@Table(name = "MTM_SESSION", indexes = @Index(name = "IX_SESSION_USER", columnList = "USERID, ENDEDAT"))
public class SessionEntity {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long userId;
    @Column(length = 64, nullable = false)
    private String secretHash;
    @Column(length = 16, nullable = false)
    private String channel;
    @Column(length = 64)
    private String sourceIp;
    @Column(length = 200)
    private String userAgent;
    private Timestamp createdAt;
    private Timestamp lastSeenAt;
    /** The absolute end, however active the session is. */
    private Timestamp expiresAt;
    /** When it was logged out, revoked or found idle; null while it lives. */
    private Timestamp endedAt;
    @Column(length = 32)
    private String endReason;

    public long getId() {
        return id;
    }

    public long getUserId() {
        return userId;
    }

    public void setUserId(long userId) {
        this.userId = userId;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public void setSecretHash(String secretHash) {
        this.secretHash = secretHash;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getSourceIp() {
        return sourceIp;
    }

    public void setSourceIp(String sourceIp) {
        this.sourceIp = sourceIp;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    public Instant getCreatedAt() {
        return Timestamps.instant(createdAt);
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = Timestamps.of(createdAt);
    }

    public Instant getLastSeenAt() {
        return Timestamps.instant(lastSeenAt);
    }

    public void setLastSeenAt(Instant lastSeenAt) {
        this.lastSeenAt = Timestamps.of(lastSeenAt);
    }

    public Instant getExpiresAt() {
        return Timestamps.instant(expiresAt);
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = Timestamps.of(expiresAt);
    }

    public Instant getEndedAt() {
        return Timestamps.instant(endedAt);
    }

    public void setEndedAt(Instant endedAt) {
        this.endedAt = Timestamps.of(endedAt);
    }

    public String getEndReason() {
        return endReason;
    }

    public void setEndReason(String endReason) {
        this.endReason = endReason;
    }
}
