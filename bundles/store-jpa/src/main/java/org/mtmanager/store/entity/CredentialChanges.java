package org.mtmanager.store.entity;

import java.util.concurrent.atomic.AtomicLong;

import javax.persistence.PostPersist;
import javax.persistence.PostRemove;
import javax.persistence.PostUpdate;

/**
 * Counts this JVM's writes of the rows that authentication trusts (users, accounts, API tokens, whitelists), so that
 * a cache of verified credentials drops at once whatever a change made here may have made stale (a revoked token, a
 * locked user, a suspended account, another whitelist). Changes made elsewhere (by another node) are seen when the
 * cache's entries expire. The counter is static because OpenJPA makes the listener instances itself.
 *
 * <p>Bulk JPQL deletes fire no listener: the account deletion removes its account row as an entity too, which
 * counts, and emptying a whitelist only lets in more.
 */
public final class CredentialChanges {
    private static final AtomicLong GENERATION = new AtomicLong();

    /** Changes only when a row of those kinds was written: compare two readings. */
    public static long generation() {
        return GENERATION.get();
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        GENERATION.incrementAndGet();
    }
}
