package org.mtmanager.tenant.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.user.TwoFactorEnrolment;
import org.mtmanager.api.user.TwoFactorService;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.scope.Reauthentication;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.UserEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * TOTP enrolment, confirmation and reset. The secret is kept on the user row (a TOTP check needs it in the clear);
 * the recovery codes only as PBKDF2 hashes, removed as they are used.
 */
@Component(service = TwoFactorService.class)
public class TwoFactorServiceImpl implements TwoFactorService {
    public static final int RECOVERY_CODES = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final Store store;
    private final AuditLog audit;
    private final SecurityPolicy policy;
    private final Clock clock;

    @Activate
    public TwoFactorServiceImpl(@Reference Store store, @Reference AuditLog audit, @Reference SecurityPolicy policy) {
        this(store, audit, policy, Clock.systemUTC());
    }

    public TwoFactorServiceImpl(Store store, AuditLog audit, SecurityPolicy policy, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public TwoFactorEnrolment enrol(Caller caller) {
        requireUser(caller);
        return audit.attempt(caller, "user.2fa-enrol", "user", caller.userId(), () -> {
            String secret = Totp.newSecret();
            List<String> codes = new ArrayList<>();
            List<String> hashes = new ArrayList<>();
            SecureRandom random = new SecureRandom();
            for (int i = 0; i < RECOVERY_CODES; i++) {
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < 10; k++) {
                    sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
                codes.add(sb.substring(0, 5) + "-" + sb.substring(5));
                hashes.add(policy.hasher().hash(sb.toString()));
            }
            return store.write(em -> {
                UserEntity u = Scope.visibleUser(em, caller, caller.userId());
                if (u.isTotpEnabled()) {
                    throw MtmException.conflict("2fa", "two-factor authentication is already on; an administrator "
                        + "resets it before a new enrolment");
                }
                u.setTotpSecret(secret);
                u.setRecoveryCodes(String.join(" ", hashes));
                audit.append(em, caller, AuditEvent.success("user.2fa-enrol", "user", u.getId(), u.getAccountId(),
                    "enrolment started; waiting for the first code"));
                return new TwoFactorEnrolment(secret, Totp.uri(u.getUsername(), secret), codes);
            });
        });
    }

    @Override
    public void confirm(Caller caller, String code) {
        requireUser(caller);
        audit.attempting(caller, "user.2fa-confirm", "user", caller.userId(), () -> store.writing(em -> {
            UserEntity u = Scope.visibleUser(em, caller, caller.userId());
            if (u.isTotpEnabled()) {
                throw MtmException.conflict("2fa", "two-factor authentication is already on");
            }
            if (u.getTotpSecret() == null) {
                throw MtmException.conflict("2fa", "no enrolment to confirm: enrol first");
            }
            if (code == null || code.isBlank()) {
                throw MtmException.invalid("code", "is required");
            }
            if (!Totp.verify(u.getTotpSecret(), code.strip(), clock.instant().getEpochSecond())) {
                throw MtmException.invalid("code", "is not the current code of the enrolled secret");
            }
            u.setTotpEnabled(true);
            audit.append(em, caller, AuditEvent.success("user.2fa-confirm", "user", u.getId(), u.getAccountId(),
                "two-factor authentication on"));
        }));
    }

    @Override
    public void reset(Caller caller, long userId) {
        audit.attempting(caller, "user.2fa-reset", "user", userId, () -> store.writing(em -> {
            UserEntity u = Scope.visibleUser(em, caller, userId);
            if (u.getId() != caller.userId()) {
                Scope.requireWriter(caller);
            }
            Reauthentication.require(caller, "resetting two-factor authentication");
            u.setTotpEnabled(false);
            u.setTotpSecret(null);
            u.setRecoveryCodes(null);
            audit.append(em, caller, AuditEvent.success("user.2fa-reset", "user", u.getId(), u.getAccountId(),
                "two-factor authentication of " + u.getUsername() + " reset"));
        }));
    }

    @Override
    public boolean enabled(Caller caller, long userId) {
        return store.read(em -> Scope.visibleUser(em, caller, userId).isTotpEnabled());
    }

    private static void requireUser(Caller caller) {
        if (caller.userId() == 0) {
            throw MtmException.forbidden("the platform itself has no second factor; log in as a user");
        }
    }

    /** The stored hash that matches a recovery code ("abcde-fghjk", dashes and case ignored), or null. */
    static String matchRecoveryCode(PasswordHasher hasher, String stored, String code) {
        if (stored == null || stored.isBlank() || code == null) {
            return null;
        }
        String normalized = code.replace("-", "").strip().toLowerCase(Locale.ROOT);
        if (normalized.length() != 10) {
            return null;
        }
        for (String h : stored.split(" ")) {
            if (hasher.verify(normalized, h)) {
                return h;
            }
        }
        return null;
    }

    /** The stored hashes without {@code used}, or null when it is not (or no longer) there. */
    static String without(String stored, String used) {
        if (stored == null) {
            return null;
        }
        List<String> all = new ArrayList<>(Arrays.asList(stored.split(" ")));
        if (!all.remove(used)) {
            return null;
        }
        return all.stream().collect(Collectors.joining(" "));
    }

    /** Whether the error is a refusal of the code rather than of the password. */
    static boolean isCodeError(MtmException e) {
        return e.code() == ErrorCode.UNAUTHENTICATED && "otp".equals(e.field());
    }
}
