package org.mtmanager.api.user;

import org.mtmanager.api.Caller;

/**
 * Rate limits on API calls, per source address and per user or token (token buckets, configured in
 * {@code etc/org.mtmanager.security.cfg}). Facades call it on every request; authentication failures are limited
 * inside {@link AuthService}.
 */
public interface RequestLimiter {

    /**
     * Counts a request from an address (before authentication).
     *
     * @throws org.mtmanager.api.RateLimitedException over the limit
     */
    void checkAddress(String sourceIp);

    /**
     * Counts a request of an authenticated caller: per token when it came with one, else per user.
     *
     * @throws org.mtmanager.api.RateLimitedException over the limit
     */
    void checkCaller(Caller caller);
}
