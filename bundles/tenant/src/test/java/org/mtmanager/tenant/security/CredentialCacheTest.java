package org.mtmanager.tenant.security;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.Test;
import org.mtmanager.store.testing.TestClock;

/** The short-lived memory of verified passwords. */
public class CredentialCacheTest {
    private final TestClock clock = new TestClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final CredentialCache cache = new CredentialCache(Duration.ofSeconds(60), clock);

    @Test
    public void remembersTheVerifiedPasswordOnly() {
        assertFalse(cache.matches(1, "hash-1", "pw"));
        cache.remember(1, "hash-1", "pw");
        assertTrue(cache.matches(1, "hash-1", "pw"));
        assertFalse(cache.matches(1, "hash-1", "PW"));
        assertFalse(cache.matches(2, "hash-1", "pw"));
    }

    @Test
    public void aChangedStoredHashInvalidatesTheEntry() {
        cache.remember(1, "hash-1", "pw");
        assertFalse(cache.matches(1, "hash-2", "pw"));
    }

    @Test
    public void entriesExpireAfterTheTtl() {
        cache.remember(1, "hash-1", "pw");
        clock.advance(Duration.ofSeconds(60));
        assertTrue(cache.matches(1, "hash-1", "pw"));
        clock.advance(Duration.ofSeconds(1));
        assertFalse(cache.matches(1, "hash-1", "pw"));
    }

    @Test
    public void forgetAndZeroTtl() {
        cache.remember(1, "hash-1", "pw");
        cache.forget(1);
        assertFalse(cache.matches(1, "hash-1", "pw"));
        CredentialCache off = new CredentialCache(Duration.ZERO, clock);
        off.remember(1, "hash-1", "pw");
        assertFalse(off.matches(1, "hash-1", "pw"));
    }
}
