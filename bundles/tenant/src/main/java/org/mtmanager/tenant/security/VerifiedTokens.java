package org.mtmanager.tenant.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;

/**
 * Remembers, for a few seconds, API tokens that passed every check (whitelists, secret, revocation, expiry, lock,
 * suspension) from a given address, so that a client sending its token on every request does not cost the
 * database reads of a full check each time. Only the SHA-256 of a token is kept, never the token.
 *
 * <p>An entry is trusted until the first of: its time to live, the token's expiry, the next time its use must be
 * recorded, and any write in this JVM of a user, account, token or whitelist ({@code changes}). A revocation, lock
 * or suspension made on this node therefore counts at once; one made on another node within the time to live.
 */
final class VerifiedTokens {
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Caller caller, long generation, Instant until) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;
    private final LongSupplier changes;

    /**
     * @param changes a counter that moves whenever a row a check reads is written (see {@code EntityChanges})
     */
    VerifiedTokens(Duration ttl, Clock clock, LongSupplier changes) {
        this.ttl = ttl;
        this.clock = clock;
        this.changes = changes;
    }

    /** What {@link #changes} reads now: take it before the checks whose outcome {@link #remember} keeps. */
    long generation() {
        return changes.getAsLong();
    }

    /** The caller a recent full check of this token from this address found, or null. */
    Caller find(String token, String sourceIp, Channel channel) {
        if (ttl.isZero() || ttl.isNegative()) {
            return null;
        }
        Entry e = entries.get(key(token, sourceIp, channel));
        if (e == null || e.generation != changes.getAsLong() || !clock.instant().isBefore(e.until)) {
            return null;
        }
        return e.caller;
    }

    /**
     * Keeps the outcome of a successful full check.
     *
     * @param generation {@link #generation()} before the check read anything
     * @param limit      when the entry must end anyway (the token's expiry, the next recording of its use), or null
     */
    void remember(String token, String sourceIp, Channel channel, Caller caller, long generation, Instant limit) {
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        Instant now = clock.instant();
        Instant until = now.plus(ttl);
        if (limit != null && limit.isBefore(until)) {
            until = limit;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> !now.isBefore(e.until) || e.generation != changes.getAsLong());
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key(token, sourceIp, channel), new Entry(caller, generation, until));
    }

    private static String key(String token, String sourceIp, Channel channel) {
        return BearerKeys.sha256(token) + " " + sourceIp + " " + channel;
    }
}
