package org.mtmanager.tenant.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.mtmanager.security.cfg}: password and lockout policy, rate limits. */
@ObjectClassDefinition(name = "MT Manager security", description = "Password policy and login lockout")
public @interface SecurityConfig {
    @AttributeDefinition(description = "Consecutive failed logins that lock a user")
    int lockout_maxFailures() default 5;

    @AttributeDefinition(description = "How long a locked user stays locked, in minutes")
    int lockout_minutes() default 15;

    @AttributeDefinition(description = "Minimum password length")
    int password_minLength() default 10;

    @AttributeDefinition(description = "PBKDF2 iterations for new password hashes")
    int password_iterations() default PasswordHasher.DEFAULT_ITERATIONS;

    @AttributeDefinition(description = "Seconds a verified password is remembered, so that per-request Basic auth does not pay the hash every time")
    int auth_cacheSeconds() default 60;

    @AttributeDefinition(description = "Seconds a verified API token is trusted without reading the database again; a revocation, lock or suspension made on another node counts within this time (on the same node at once); 0 checks every request in full")
    int auth_tokenCacheSeconds() default 5;

    @AttributeDefinition(description = "API requests a second, per source address and per user or token, after the burst")
    double rate_requestsPerSecond() default 1000;

    @AttributeDefinition(description = "API requests in a burst, per source address and per user or token")
    int rate_requestBurst() default 2000;

    @AttributeDefinition(description = "Failed authentications a minute, per source address and per user name, after the burst")
    double rate_authFailuresPerMinute() default 60;

    @AttributeDefinition(description = "Failed authentications in a burst, per source address and per user name")
    int rate_authFailureBurst() default 100;

    @AttributeDefinition(description = "Hours a login session lives at most, however active; it ends sooner when idle (setting portal.session-idle-minutes)")
    int session_maxHours() default 12;
}
