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
import javax.persistence.Version;

/** A user. The failure counter and lockout live here, so they survive a restart. */
@Entity
@EntityListeners(EntityChanges.class)
@Table(name = "MTM_USER", indexes = @Index(name = "IX_USER_ACCOUNT", columnList = "ACCOUNTID"))
public class UserEntity {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long accountId;
    @Column(length = 64, nullable = false)
    private String username;
    @Column(length = 64, nullable = false, unique = true)
    private String usernameKey;
    @Column(length = 32, nullable = false)
    private String role;
    @Column(length = 200)
    private String fullName;
    @Column(length = 254)
    private String email;
    @Column(length = 200, nullable = false)
    private String passwordHash;
    private int failedAttempts;
    private Timestamp lockedUntil;
    private Timestamp lastLoginAt;
    private Timestamp passwordChangedAt;
    private Timestamp createdAt;
    /** The TOTP secret (Base32) while enrolling or enrolled; null without two-factor authentication. */
    @Column(length = 64)
    private String totpSecret;
    /** The last TOTP time step a code was spent at (a session login, a console login, a re-authentication). */
    private Long totpLastStep;
    /** Whether the enrolment was confirmed by a first valid code, so that logins require a code. */
    private boolean totpEnabled;
    /** PBKDF2 hashes of the unused recovery codes, space-separated. */
    @Column(length = 1000)
    private String recoveryCodes;
    @Version
    private long version;

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public long getAccountId() {
        return accountId;
    }

    public void setAccountId(long accountId) {
        this.accountId = accountId;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getUsernameKey() {
        return usernameKey;
    }

    public void setUsernameKey(String usernameKey) {
        this.usernameKey = usernameKey;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public void setFailedAttempts(int failedAttempts) {
        this.failedAttempts = failedAttempts;
    }

    public Instant getLockedUntil() {
        return Timestamps.instant(lockedUntil);
    }

    public void setLockedUntil(Instant lockedUntil) {
        this.lockedUntil = Timestamps.of(lockedUntil);
    }

    public Instant getLastLoginAt() {
        return Timestamps.instant(lastLoginAt);
    }

    public void setLastLoginAt(Instant lastLoginAt) {
        this.lastLoginAt = Timestamps.of(lastLoginAt);
    }

    public Instant getPasswordChangedAt() {
        return Timestamps.instant(passwordChangedAt);
    }

    public void setPasswordChangedAt(Instant passwordChangedAt) {
        this.passwordChangedAt = Timestamps.of(passwordChangedAt);
    }

    public Instant getCreatedAt() {
        return Timestamps.instant(createdAt);
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = Timestamps.of(createdAt);
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public String getTotpSecret() {
        return totpSecret;
    }

    public void setTotpSecret(String totpSecret) {
        this.totpSecret = totpSecret;
    }

    public long getTotpLastStep() {
        return totpLastStep == null ? Long.MIN_VALUE : totpLastStep;
    }

    public void setTotpLastStep(long step) {
        this.totpLastStep = step;
    }

    public boolean isTotpEnabled() {
        return totpEnabled;
    }

    public void setTotpEnabled(boolean totpEnabled) {
        this.totpEnabled = totpEnabled;
    }

    public String getRecoveryCodes() {
        return recoveryCodes;
    }

    public void setRecoveryCodes(String recoveryCodes) {
        this.recoveryCodes = recoveryCodes;
    }
}
