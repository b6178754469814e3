package org.mtmanager.tenant.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers recently verified passwords for a short while, so that clients sending Basic credentials on every
 * request do not pay the slow hash each time. Only an HMAC under a per-process random key is kept, never the
 * password; an entry is valid only while the user's stored hash is unchanged, so a password change, a reset or
 * a deletion invalidates it at once.
 */
public final class CredentialCache {
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(String storedHash, byte[] mac, Instant expires) {
    }

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private final byte[] key = new byte[32];
    private final Duration ttl;
    private final Clock clock;

    public CredentialCache(Duration ttl, Clock clock) {
        new SecureRandom().nextBytes(key);
        this.ttl = ttl;
        this.clock = clock;
    }

    public boolean matches(long userId, String storedHash, String password) {
        Entry e = entries.get(userId);
        if (e == null || !e.storedHash.equals(storedHash) || clock.instant().isAfter(e.expires)) {
            return false;
        }
        return MessageDigest.isEqual(e.mac, mac(password));
    }

    public void remember(long userId, String storedHash, String password) {
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            entries.values().removeIf(e -> now.isAfter(e.expires));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(userId, new Entry(storedHash, mac(password), clock.instant().plus(ttl)));
    }

    public void forget(long userId) {
        entries.remove(userId);
    }

    private byte[] mac(String password) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
