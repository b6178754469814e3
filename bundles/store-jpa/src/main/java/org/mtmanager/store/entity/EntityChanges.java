package org.mtmanager.store.entity;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.persistence.PostPersist;
import javax.persistence.PostRemove;
import javax.persistence.PostUpdate;

/**
 * Counts writes of the entities that name it as their listener, per entity class, so that a cache of what was read
 * from them (verified credentials, machine views and totals, settings) drops at once whatever a change may have made
 * stale: a revoked token, a locked user, a suspended account, another whitelist, a new machine.
 *
 * <p>A write counts when it is flushed, so that whoever sees its commit finds the count moved (a job's outcome read
 * in the database, then the machine's remembered view), and a store transaction's writes count again, once per
 * class, when it has committed ({@link #committed}): a read between flush and commit still sees the old rows and
 * would otherwise be remembered as current. Writes of other
 * nodes count when their notice arrives (the store's change notices on PostgreSQL: {@link #noticed}); until then,
 * and if notices are lost, the caches' time to live bounds what a node shows of another's changes. The counters are
 * static because OpenJPA makes the listener instances itself.
 *
 * <p>Bulk JPQL statements fire no listener: code that bulk-updates or bulk-deletes a counted entity names its class
 * with {@link #touched}. Whitelists, which are replaced by a bulk delete and new rows, use {@link Written}.
 */
public final class EntityChanges {
    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();
    /** The classes written by the current thread's transaction; null outside one. */
    private static final ThreadLocal<Set<String>> PENDING = new ThreadLocal<>();

    /** Moves only when an entity of one of these classes was written: compare two readings. */
    public static long generation(Class<?>... types) {
        long sum = 0;
        for (Class<?> t : types) {
            sum += counter(t.getSimpleName()).get();
        }
        return sum;
    }

    /** Counts a bulk statement's writes of these classes, as the listener counts an entity's. */
    public static void touched(Class<?>... types) {
        for (Class<?> t : types) {
            count(t.getSimpleName());
        }
    }

    /**
     * Starts collecting what the current thread's transaction writes; returns what an enclosing one had collected,
     * for {@link #end}.
     */
    public static Set<String> begin() {
        Set<String> outer = PENDING.get();
        PENDING.set(new HashSet<>());
        return outer;
    }

    /** The simple names of the entity classes the current transaction wrote so far. */
    public static Set<String> pending() {
        Set<String> p = PENDING.get();
        return p == null ? Set.of() : Set.copyOf(p);
    }

    /** Ends the current transaction's collection, restoring the enclosing one's; what it had written. */
    public static Set<String> end(Set<String> outer) {
        Set<String> mine = PENDING.get();
        if (outer == null) {
            PENDING.remove();
        } else {
            PENDING.set(outer);
            if (mine != null) {
                outer.addAll(mine);
            }
        }
        return mine == null ? Set.of() : mine;
    }

    /** Counts again, after their commit, the writes of a transaction: once per class (see the class's comment). */
    public static void committed(Set<String> classes) {
        classes.forEach(c -> counter(c).incrementAndGet());
    }

    /**
     * Counts writes another node committed, named by the simple names of their classes; {@code null} when notices may
     * have been missed: everything counts.
     */
    public static void noticed(Set<String> classes) {
        if (classes == null) {
            COUNTS.values().forEach(AtomicLong::incrementAndGet);
        } else {
            classes.forEach(c -> counter(c).incrementAndGet());
        }
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        count(entity.getClass().getSimpleName());
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
            count(entity.getClass().getSimpleName());
        }
    }

    private static void count(String type) {
        counter(type).incrementAndGet();
        Set<String> p = PENDING.get();
        if (p != null) {
            p.add(type);
        }
    }

    private static AtomicLong counter(String type) {
        return COUNTS.computeIfAbsent(type, t -> new AtomicLong());
    }
}
