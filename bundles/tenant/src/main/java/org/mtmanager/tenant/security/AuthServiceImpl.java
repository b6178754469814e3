package org.mtmanager.tenant.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import javax.persistence.LockModeType;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.Credential;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.Role;
import org.mtmanager.api.TokenScope;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.audit.Outcome;
import org.mtmanager.api.user.AuthService;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.scope.Reauthentication;
import org.mtmanager.platform.scope.SystemCaller;
import org.mtmanager.platform.util.Cidr;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.ApiTokenEntity;
import org.mtmanager.store.entity.EntityChanges;
import org.mtmanager.store.entity.UserEntity;
import org.mtmanager.store.entity.WhitelistEntity;
import org.mtmanager.tenant.security.Candidates.Candidate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Authentication for every facade, in this order: the claimed user's portal whitelist (before the password is
 * looked at), the lockout, suspended accounts on the user's path, then the password. Failures are audited and
 * counted in the database, so a lockout survives a restart.
 */
@Component(service = AuthService.class)
public class AuthServiceImpl implements AuthService {
    private static final String GENERIC = "invalid user name or password, or the user is locked";

    private final Store store;
    private final AuditLog audit;
    private final SecurityPolicy policy;
    private final SystemCaller platform;
    private final CredentialCache cache;
    private final VerifiedTokens verified;
    private final Clock clock;
    /** Verified against unknown users, so that their failures take as long as real ones. */
    private final String decoyHash;

    @Activate
    public AuthServiceImpl(@Reference Store store, @Reference AuditLog audit, @Reference SecurityPolicy policy,
                           @Reference SystemCaller platform) {
        this(store, audit, policy, platform, Clock.systemUTC());
    }

    public AuthServiceImpl(Store store, AuditLog audit, SecurityPolicy policy, SystemCaller platform, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.policy = policy;
        this.platform = platform;
        this.clock = clock;
        this.cache = new CredentialCache(policy.cacheTtl(), clock);
        this.verified = new VerifiedTokens(policy.tokenCacheTtl(), clock,
            () -> EntityChanges.generation(UserEntity.class, AccountEntity.class, ApiTokenEntity.class, WhitelistEntity.class));
        this.decoyHash = policy.hasher().hash(PasswordHasher.randomPassword(16));
    }

    @Override
    public Caller authenticate(String username, String password, String otp, String sourceIp, Channel channel) {
        // a console login is a login once per session: its code is spent like a portal's
        return login(username, password, otp, sourceIp, channel, channel == Channel.SHELL);
    }

    @Override
    public Caller authenticateOnce(String username, String password, String otp, String sourceIp, Channel channel) {
        return login(username, password, otp, sourceIp, channel, true);
    }

    private Caller login(String username, String password, String otp, String sourceIp, Channel channel,
                         boolean spendCode) {
        String name = username == null ? "" : username.strip();
        if (name.isEmpty() || name.length() > 64 || password == null) {
            throw new MtmException(ErrorCode.UNAUTHENTICATED, "credentials are required");
        }
        policy.checkAuthFailures(sourceIp, name);
        Candidate c = store.read(em -> Candidates.byName(em, name));
        Caller anonymous = new Caller(0, name, 0, "", Role.VIEWER, sourceIp, channel);
        if (c == null) {
            policy.authFailed(sourceIp, name, channel);
            policy.hasher().verify(password, decoyHash);
            audit.record(anonymous, new AuditEvent("auth.login", "user", name, 0, Outcome.FAILED, "unknown user"));
            throw new MtmException(ErrorCode.UNAUTHENTICATED, GENERIC);
        }
        UserEntity u = c.user();
        Caller caller = new Caller(u.getId(), u.getUsername(), c.account().getId(), c.account().getPath(),
            Role.valueOf(u.getRole()), sourceIp, channel, Credential.password(c.enrolmentOnly()));
        c.requireAllowed(audit, caller, "user", u.getId());
        Instant now = clock.instant();
        if (u.getLockedUntil() != null && now.isBefore(u.getLockedUntil())) {
            audit.record(caller, new AuditEvent("auth.login", "user", String.valueOf(u.getId()), c.account().getId(),
                Outcome.DENIED, "locked until " + u.getLockedUntil()));
            throw new MtmException(ErrorCode.UNAUTHENTICATED, GENERIC);
        }
        if (c.suspended()) {
            audit.record(caller, new AuditEvent("auth.login", "user", String.valueOf(u.getId()), c.account().getId(),
                Outcome.DENIED, "account suspended"));
            throw new MtmException(ErrorCode.UNAUTHENTICATED, "the account is suspended");
        }
        if (c.twoFactorOn() && otp == null && channel == Channel.SHELL && password.lastIndexOf(':') > 0) {
            // the console has one password prompt: PASSWORD:CODE
            otp = password.substring(password.lastIndexOf(':') + 1);
            password = password.substring(0, password.lastIndexOf(':'));
        }
        checkSecrets(c, caller, password, otp, "auth.login", spendCode);
        return caller;
    }

    /**
     * The password, then the TOTP (or recovery) code where two-factor authentication is on; a success resets the
     * failure count (and spends a recovery code), a failure counts toward the lockout.
     */
    private void checkSecrets(Candidate c, Caller caller, String password, String otp, String action,
                              boolean spendCode) {
        UserEntity u = c.user();
        boolean cached = cache.matches(u.getId(), u.getPasswordHash(), password);
        if (!cached && !policy.hasher().verify(password, u.getPasswordHash())) {
            recordFailure(caller, u.getId(), c.account().getId(), action, "wrong password");
            // a login does not say which part was wrong; a re-authentication has only the password to be wrong
            throw "auth.login".equals(action) ? new MtmException(ErrorCode.UNAUTHENTICATED, GENERIC)
                : new MtmException(ErrorCode.UNAUTHENTICATED, "password", "wrong password");
        }
        if (!cached) {
            cache.remember(u.getId(), u.getPasswordHash(), password);
        }
        String recoveryUsed = null;
        long step = Long.MIN_VALUE;
        if (c.twoFactorOn()) {
            if (otp == null || otp.isBlank()) {
                audit.record(caller, new AuditEvent(action, "user", String.valueOf(u.getId()),
                    c.account().getId(), Outcome.DENIED, "two-factor code missing"));
                throw new MtmException(ErrorCode.UNAUTHENTICATED, "otp", "two-factor authentication is on for this "
                    + "user: " + switch (caller.channel()) {
                        case SHELL -> "give the code after the password, as PASSWORD:CODE";
                        case SOAP -> "use an API token as the password";
                        default -> "send the code in the X-MTM-OTP header";
                    });
            }
            String code = otp.strip();
            step = Totp.matchingStep(u.getTotpSecret(), code, clock.instant().getEpochSecond());
            if (step != Long.MIN_VALUE && spendCode && step <= u.getTotpLastStep()) {
                recordFailure(caller, u.getId(), c.account().getId(), action, "two-factor code used before");
                throw new MtmException(ErrorCode.UNAUTHENTICATED, "otp", "this two-factor code was used already: "
                    + "wait for the next one");
            }
            if (step == Long.MIN_VALUE) {
                recoveryUsed = TwoFactorServiceImpl.matchRecoveryCode(policy.hasher(), u.getRecoveryCodes(), code);
                if (recoveryUsed == null) {
                    recordFailure(caller, u.getId(), c.account().getId(), action, "wrong two-factor code");
                    throw new MtmException(ErrorCode.UNAUTHENTICATED, "otp", "wrong two-factor code");
                }
            }
        }
        long spent = spendCode ? step : Long.MIN_VALUE;
        if (cached && recoveryUsed == null && spent == Long.MIN_VALUE && "auth.login".equals(action)) {
            return;
        }
        String used = recoveryUsed;
        Instant now = clock.instant();
        store.writing(em -> {
            UserEntity fresh = em.find(UserEntity.class, u.getId());
            if (used != null) {
                // single use, also against a concurrent login with the same code
                String left = TwoFactorServiceImpl.without(fresh.getRecoveryCodes(), used);
                if (left == null) {
                    throw new MtmException(ErrorCode.UNAUTHENTICATED, "otp", "wrong two-factor code");
                }
                fresh.setRecoveryCodes(left);
            }
            if (spent != Long.MIN_VALUE) {
                // once, also against a concurrent login with the same code
                if (spent <= fresh.getTotpLastStep()) {
                    throw new MtmException(ErrorCode.UNAUTHENTICATED, "otp", "this two-factor code was used already");
                }
                fresh.setTotpLastStep(spent);
            }
            fresh.setFailedAttempts(0);
            if ("auth.login".equals(action)) {
                fresh.setLastLoginAt(now);
            }
            audit.append(em, caller, new AuditEvent(action, "user", String.valueOf(u.getId()), c.account().getId(),
                Outcome.SUCCESS, used == null ? null : "with a recovery code"));
        });
    }

    @Override
    public Caller reauthenticate(Caller caller, String password, String otp) {
        if (caller.userId() == 0) {
            return caller;
        }
        if (password == null || password.isEmpty()) {
            if (caller.credential().reauthenticated()) {
                return caller;
            }
            throw Reauthentication.required(caller, "this action");
        }
        policy.checkAuthFailures(caller.sourceIp(), caller.username());
        Candidate c = store.read(em -> Candidates.byId(em, caller.userId()));
        if (c == null) {
            throw new MtmException(ErrorCode.UNAUTHENTICATED, GENERIC);
        }
        checkSecrets(c, caller, password, otp, "auth.reauthenticate", true);
        return caller.with(caller.credential().reauthenticatedNow());
    }

    private void recordFailure(Caller caller, long userId, long accountId, String action, String what) {
        policy.authFailed(caller.sourceIp(), caller.username(), caller.channel());
        store.writing(em -> {
            UserEntity fresh = em.find(UserEntity.class, userId);
            int failures = fresh.getFailedAttempts() + 1;
            String detail = what + " (" + failures + " in a row)";
            if (failures >= policy.maxFailures()) {
                fresh.setLockedUntil(clock.instant().plus(policy.lockout()));
                failures = 0;
                detail = what + "; locked until " + fresh.getLockedUntil();
            }
            fresh.setFailedAttempts(failures);
            audit.append(em, caller, new AuditEvent(action, "user", String.valueOf(userId), accountId,
                Outcome.FAILED, detail));
        });
        cache.forget(userId);
    }

    private static final String BAD_TOKEN = "invalid, expired or revoked token";
    /** A token's last use is written at most this often (per token and address), not on every request. */
    static final Duration USE_RECORDING = Duration.ofSeconds(10);

    private record TokenCandidate(ApiTokenEntity token, Candidate user) {
    }

    @Override
    public Caller authenticateToken(String token, String sourceIp, Channel channel) {
        long id = BearerKeys.idOf(TokenServiceImpl.PREFIX, token);
        Caller anonymous = new Caller(0, "token:" + Math.max(id, 0), 0, "", Role.VIEWER, sourceIp, channel);
        policy.checkAuthFailures(sourceIp, anonymous.username());
        if (id < 0) {
            policy.authFailed(sourceIp, anonymous.username(), channel);
            throw new MtmException(ErrorCode.UNAUTHENTICATED, "malformed token: expected mtm_<id>_<secret>");
        }
        Caller known = verified.find(token, sourceIp, channel);
        if (known != null) {
            return known;
        }
        long generation = verified.generation();
        TokenCandidate tc = store.read(em -> {
            ApiTokenEntity t = em.find(ApiTokenEntity.class, id);
            UserEntity owner = t == null ? null : em.find(UserEntity.class, t.getUserId());
            Candidate c = owner == null ? null : Candidates.byId(em, owner.getId());
            return c == null ? null : new TokenCandidate(t, c);
        });
        if (tc == null) {
            policy.authFailed(sourceIp, anonymous.username(), channel);
            audit.record(anonymous, new AuditEvent("auth.token", "token", String.valueOf(id), 0, Outcome.FAILED,
                "unknown token"));
            throw new MtmException(ErrorCode.UNAUTHENTICATED, BAD_TOKEN);
        }
        ApiTokenEntity t = tc.token();
        Candidate c = tc.user();
        UserEntity u = c.user();
        long accountId = c.account().getId();
        Caller caller = new Caller(u.getId(), u.getUsername(), accountId, c.account().getPath(),
            Role.valueOf(u.getRole()), sourceIp, channel,
            Credential.token(t.getId(), TokenScope.fromWire(t.getScope()).orElseThrow()));
        c.requireAllowed(audit, caller, "token", id);
        String cidrs = t.getCidrs() == null ? "" : t.getCidrs().strip();
        if (!cidrs.isEmpty() && Arrays.stream(cidrs.split(" "))
                .noneMatch(w -> Cidr.parse("cidr", w).contains(sourceIp))) {
            audit.record(caller, new AuditEvent("auth.ip-refused", "token", String.valueOf(id), accountId,
                Outcome.DENIED, "source " + sourceIp + " is not on the token's whitelist"));
            throw new MtmException(ErrorCode.IP_NOT_ALLOWED, "your address " + sourceIp
                + " is not on this token's whitelist");
        }
        String why = null;
        Instant now = clock.instant();
        if (!BearerKeys.matches(TokenServiceImpl.PREFIX, token, t.getSecretHash())) {
            why = "wrong token secret";
        } else if (t.getRevokedAt() != null) {
            why = "token revoked at " + t.getRevokedAt();
        } else if (t.getExpiresAt() != null && !now.isBefore(t.getExpiresAt())) {
            why = "token expired at " + t.getExpiresAt();
        } else if (u.getLockedUntil() != null && now.isBefore(u.getLockedUntil())) {
            why = "user locked until " + u.getLockedUntil();
        } else if (c.suspended()) {
            why = "account suspended";
        }
        if (why != null) {
            policy.authFailed(sourceIp, anonymous.username(), channel);
            audit.record(caller, new AuditEvent("auth.token", "token", String.valueOf(id), accountId,
                Outcome.DENIED, why));
            throw new MtmException(ErrorCode.UNAUTHENTICATED, BAD_TOKEN);
        }
        Instant recorded = t.getLastUsedAt();
        if (t.getLastUsedAt() == null || !caller.sourceIp().equals(t.getLastUsedIp())
                || !now.isBefore(t.getLastUsedAt().plus(USE_RECORDING))) {
            recorded = now;
            store.writing(em -> {
                // The row's lock makes concurrent requests of the token (on any node) take turns; each reads the
                // row as the one before it left it, so only the first records this use.
                ApiTokenEntity fresh = em.find(ApiTokenEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
                if (fresh.getLastUsedAt() != null && caller.sourceIp().equals(fresh.getLastUsedIp())
                        && now.isBefore(fresh.getLastUsedAt().plus(USE_RECORDING))) {
                    return;
                }
                // A statement, not the entity's setters: recording a use changes nothing a check reads, so it must
                // not count as a change of credentials (EntityChanges) and empty every node's verified tokens.
                em.createQuery("UPDATE ApiTokenEntity t SET t.lastUsedAt = :at, t.lastUsedIp = :ip WHERE t.id = :id")
                    .setParameter("at", Timestamp.from(now)).setParameter("ip", caller.sourceIp()).setParameter("id", id)
                    .executeUpdate();
                audit.append(em, caller, new AuditEvent("auth.token", "token", String.valueOf(id), accountId,
                    Outcome.SUCCESS, t.getName() + " (" + t.getScope() + ")"));
            });
        }
        // Remembered until the token expires or its use is due to be recorded again, whichever comes first.
        Instant limit = recorded.plus(USE_RECORDING);
        verified.remember(token, sourceIp, channel, caller, generation,
            t.getExpiresAt() != null && t.getExpiresAt().isBefore(limit) ? t.getExpiresAt() : limit);
        return caller;
    }

    @Override
    public Caller resolve(String authenticatedUsername, Channel channel) {
        String name = authenticatedUsername == null ? "" : authenticatedUsername.strip();
        Candidate c = store.read(em -> Candidates.byName(em, name));
        if (c == null || (c.user().getLockedUntil() != null && clock.instant().isBefore(c.user().getLockedUntil()))
                || c.suspended()) {
            throw new MtmException(ErrorCode.UNAUTHENTICATED, "user " + name + " is unknown, locked or suspended");
        }
        UserEntity u = c.user();
        return new Caller(u.getId(), u.getUsername(), c.account().getId(), c.account().getPath(),
            Role.valueOf(u.getRole()), "local", channel, Credential.console(c.enrolmentOnly()));
    }

    @Override
    public Caller system(Channel channel) {
        return platform.systemCaller(channel);
    }
}
