package org.mtmanager.store.entity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.persistence.PostPersist;
import javax.persistence.PostRemove;
import javax.persistence.PostUpdate;

/**
 * Counts this JVM's writes of the entities that name it as their listener, per entity class, so that a cache of
 * what was read from them (verified credentials, machine totals, settings) drops at once whatever a change made
 * here may have made stale: a revoked token, a locked user, a suspended account, another whitelist, a new machine.
 * Changes made elsewhere (by another node) are seen when the cache's entries expire. The counters are static
 * because OpenJPA makes the listener instances itself.
 *
 * <p>Bulk JPQL deletes fire no listener: the account deletion removes its account row as an entity too, which
 * counts. Whitelists, which are replaced by a bulk delete and new rows, use {@link Written}.
 */
public final class EntityChanges {
    private static final Map<Class<?>, AtomicLong> COUNTS = new ConcurrentHashMap<>();

    /** Moves only when an entity of one of these classes was written: compare two readings. */
    public static long generation(Class<?>... types) {
        long sum = 0;
        for (Class<?> t : types) {
            sum += counter(t).get();
        }
        return sum;
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        counter(entity.getClass()).incrementAndGet();
    }

    /**
     * Counts persists and updates only, for entities that a transaction bulk-deletes and inserts again (a replaced
     * whitelist): OpenJPA runs a bulk delete of a type with remove callbacks in memory and defers its deletes past
     * the later inserts, which then collide with the old rows. A whitelist's removed entries only let in more.
     */
    public static final class Written {
        @PostPersist
        @PostUpdate
        void changed(Object entity) {
            counter(entity.getClass()).incrementAndGet();
        }
    }

    private static AtomicLong counter(Class<?> type) {
        return COUNTS.computeIfAbsent(type, t -> new AtomicLong());
    }
}
