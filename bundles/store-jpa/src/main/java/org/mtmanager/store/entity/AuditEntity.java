package org.mtmanager.store.entity;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** An audit entry. Written once and never updated: {@code seq} is assigned by the audit log in chain order, and {@code scopePath} is the path of the account concerned, which decides who may read it. */
@Entity
@Table(name = "MTM_AUDIT", indexes = {@Index(name = "IX_AUDIT_SCOPE", columnList = "SCOPEPATH"), @Index(name = "IX_AUDIT_TIME", columnList = "ATIME")})
public class AuditEntity {
    @Id
    private long seq;
    @Column(name = "ATIME", nullable = false)
    private Timestamp time;
    @Column(length = 64, nullable = false)
    private String actor;
    private long actorAccountId;
    @Column(length = 64)
    private String sourceIp;
    @Column(length = 16)
    private String channel;
    @Column(length = 64, nullable = false)
    private String action;
    @Column(length = 32)
    private String targetType;
    @Column(length = 100)
    private String targetId;
    private long accountId;
    @Column(length = 400)
    private String scopePath;
    @Column(length = 16, nullable = false)
    private String outcome;
    @Column(length = 1000)
    private String detail;
    @Column(length = 64, nullable = false)
    private String prevHash;
    @Column(length = 64, nullable = false)
    private String hash;

    public long getSeq() {
        return seq;
    }

    public void setSeq(long seq) {
        this.seq = seq;
    }

    public Instant getTime() {
        return Timestamps.instant(time);
    }

    public void setTime(Instant time) {
        this.time = Timestamps.of(time);
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public long getActorAccountId() {
        return actorAccountId;
    }

    public void setActorAccountId(long actorAccountId) {
        this.actorAccountId = actorAccountId;
    }

    public String getSourceIp() {
        return sourceIp;
    }

    public void setSourceIp(String sourceIp) {
        this.sourceIp = sourceIp;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getTargetType() {
        return targetType;
    }

    public void setTargetType(String targetType) {
        this.targetType = targetType;
    }

    public String getTargetId() {
        return targetId;
    }

    public void setTargetId(String targetId) {
        this.targetId = targetId;
    }

    public long getAccountId() {
        return accountId;
    }

    public void setAccountId(long accountId) {
        this.accountId = accountId;
    }

    public String getScopePath() {
        return scopePath;
    }

    public void setScopePath(String scopePath) {
        this.scopePath = scopePath;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getDetail() {
        return detail;
    }

    public void setDetail(String detail) {
        this.detail = detail;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public void setPrevHash(String prevHash) {
        this.prevHash = prevHash;
    }

    public String getHash() {
        return hash;
    }

    public void setHash(String hash) {
        this.hash = hash;
    }
}
