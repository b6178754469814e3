package org.mtmanager.tenant.security;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.RateLimitedException;
import org.mtmanager.api.user.RequestLimiter;
import org.mtmanager.platform.metrics.Meters;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The configured password, lockout and rate limit rules, shared by authentication and user management. */
@Component(service = {SecurityPolicy.class, RequestLimiter.class}, configurationPid = "org.mtmanager.security",
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SecurityConfig.class)
public class SecurityPolicy implements RequestLimiter {
    public static final int PASSWORD_MAX = 256;
    /** How long a verified API token is trusted without reading the database again (see VerifiedTokens). */
    public static final Duration DEFAULT_TOKEN_CACHE = Duration.ofSeconds(5);

    private volatile int maxFailures;
    private volatile Duration lockout;
    private volatile int minLength;
    private volatile Duration cacheTtl;
    private volatile Duration tokenCacheTtl = DEFAULT_TOKEN_CACHE;
    private volatile PasswordHasher hasher;
    private volatile Duration sessionMaxAge = Duration.ofHours(12);

    private final Counter authFailures = Meters.seeded(Meters.counter("mtm_auth_failures",
        "Failed authentications (passwords, two-factor codes, tokens, sessions), by channel", "channel"),
        Arrays.stream(Channel.values()).map(SecurityPolicy::label).toArray(String[]::new));
    private final Counter rateLimited = Meters.seeded(Meters.counter("mtm_rate_limited",
        "Requests refused by a rate limit: an address's or a caller's requests, or failed authentications", "limit"),
        "address", "caller", "auth_failures");

    /** The rate limits; replaced as a whole (fresh buckets) when the configuration changes. */
    private volatile Limits limits = Limits.defaults();

    /** Token buckets for API requests and for authentication failures. */
    public record Limits(TokenBuckets requests, TokenBuckets authFailures) {
        static Limits of(double requestsPerSecond, int requestBurst, double failuresPerMinute, int failureBurst) {
            return new Limits(new TokenBuckets(requestsPerSecond, requestBurst, System::nanoTime),
                new TokenBuckets(failuresPerMinute / 60, failureBurst, System::nanoTime));
        }

        static Limits defaults() {
            return of(1000, 2000, 60, 100);
        }
    }

    @Activate
    public SecurityPolicy(SecurityConfig config) {
        this(config.lockout_maxFailures(), Duration.ofMinutes(config.lockout_minutes()),
            config.password_minLength(), config.password_iterations(), Duration.ofSeconds(config.auth_cacheSeconds()));
        modified(config);
    }

    /**
     * A changed configuration takes effect at once, without restarting the services that use the policy (and the
     * facades above them); only the password and token caches of a running AuthServiceImpl keep their times to live.
     */
    @Modified
    public void modified(SecurityConfig config) {
        SecurityPolicy p = new SecurityPolicy(config.lockout_maxFailures(), Duration.ofMinutes(config.lockout_minutes()),
            config.password_minLength(), config.password_iterations(), Duration.ofSeconds(config.auth_cacheSeconds()));
        this.maxFailures = p.maxFailures;
        this.lockout = p.lockout;
        this.minLength = p.minLength;
        this.cacheTtl = p.cacheTtl;
        this.hasher = p.hasher;
        this.sessionMaxAge = Duration.ofHours(Math.max(1, config.session_maxHours()));
        this.tokenCacheTtl = Duration.ofSeconds(Math.max(0, config.auth_tokenCacheSeconds()));
        this.limits = Limits.of(config.rate_requestsPerSecond(), config.rate_requestBurst(),
            config.rate_authFailuresPerMinute(), config.rate_authFailureBurst());
    }

    /** For tests: other limits. */
    public void limits(Limits newLimits) {
        this.limits = newLimits;
    }

    @Override
    public void checkAddress(String sourceIp) {
        if (sourceIp != null) {
            over(limits.requests().take("ip:" + sourceIp), "requests from " + sourceIp, "address");
        }
    }

    @Override
    public void checkCaller(Caller caller) {
        String key = caller.tokenId() != 0 ? "token:" + caller.tokenId() : "user:" + caller.userId();
        over(limits.requests().take(key), "requests of " + caller.actor(), "caller");
    }

    /** Refuses an authentication, before any check, while its address or user name has used up its failures. */
    public void checkAuthFailures(String sourceIp, String username) {
        Limits l = limits;
        long wait = Math.max(noAddress(sourceIp) ? 0 : l.authFailures().waiting("ip:" + sourceIp),
            l.authFailures().waiting("user:" + username.toLowerCase(Locale.ROOT)));
        over(wait, "failed authentications", "auth_failures");
    }

    /** Counts a failed authentication against its address and user name. */
    public void authFailed(String sourceIp, String username, Channel channel) {
        authFailures.labelValues(label(channel)).inc();
        Limits l = limits;
        if (!noAddress(sourceIp)) {
            l.authFailures().take("ip:" + sourceIp);
        }
        l.authFailures().take("user:" + username.toLowerCase(Locale.ROOT));
    }

    private static String label(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }

    private static boolean noAddress(String sourceIp) {
        return sourceIp == null || "unknown".equals(sourceIp) || "local".equals(sourceIp);
    }

    private void over(long wait, String what, String limit) {
        if (wait > 0) {
            rateLimited.labelValues(limit).inc();
            throw new RateLimitedException("too many " + what + "; retry in " + wait + " s", wait);
        }
    }

    /** The failed authentications and the rate-limited requests, as counted since the start. */
    public MetricSnapshots metrics() {
        return new MetricSnapshots(authFailures.collect(), rateLimited.collect());
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

    /** How long a session lives at most, however active (the idle limit is the setting portal.session-idle-minutes). */
    public Duration sessionMaxAge() {
        return sessionMaxAge;
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

    public Duration tokenCacheTtl() {
        return tokenCacheTtl;
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
