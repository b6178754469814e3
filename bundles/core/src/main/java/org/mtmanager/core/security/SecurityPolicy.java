package org.mtmanager.core.security;

import java.time.Duration;

import org.mtmanager.api.MtmException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/** The configured password and lockout rules, shared by authentication and user management. */
@Component(service = SecurityPolicy.class, configurationPid = "org.mtmanager.security",
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SecurityConfig.class)
public class SecurityPolicy {
    public static final int PASSWORD_MAX = 256;

    private final int maxFailures;
    private final Duration lockout;
    private final int minLength;
    private final Duration cacheTtl;
    private final PasswordHasher hasher;

    @Activate
    public SecurityPolicy(SecurityConfig config) {
        this(config.lockout_maxFailures(), Duration.ofMinutes(config.lockout_minutes()),
            config.password_minLength(), config.password_iterations(), Duration.ofSeconds(config.auth_cacheSeconds()));
    }

    public SecurityPolicy(int maxFailures, Duration lockout, int minLength, int iterations, Duration cacheTtl) {
        if (maxFailures < 1 || lockout.isNegative() || minLength < 8) {
            throw new IllegalArgumentException("lockout.maxFailures must be >= 1, lockout.minutes >= 0, password.minLength >= 8");
        }
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.minLength = minLength;
        this.cacheTtl = cacheTtl;
        this.hasher = new PasswordHasher(iterations);
    }

    /** Defaults, for tests and tools. */
    public static SecurityPolicy defaults() {
        return new SecurityPolicy(5, Duration.ofMinutes(15), 10, PasswordHasher.DEFAULT_ITERATIONS, Duration.ofSeconds(60));
    }

    public int maxFailures() {
        return maxFailures;
    }

    public Duration lockout() {
        return lockout;
    }

    public Duration cacheTtl() {
        return cacheTtl;
    }

    public PasswordHasher hasher() {
        return hasher;
    }

    /** Checks a new password against the policy; {@code field} names it in the error. */
    public void checkPassword(String field, String password, String username) {
        if (password == null || password.isEmpty()) {
            throw MtmException.invalid(field, "is required");
        }
        if (password.length() < minLength) {
            throw MtmException.invalid(field, "must be at least " + minLength + " characters");
        }
        if (password.length() > PASSWORD_MAX) {
            throw MtmException.invalid(field, "must be at most " + PASSWORD_MAX + " characters");
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            throw MtmException.invalid(field, "must not be the user name");
        }
    }
}
