package org.mtmanager.platform.util;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Reads remembered for a few seconds, for what a request would otherwise read again each time although it rarely
 * changes: the total of a paged list (counting every matching row of a large table is the dearest part of a page,
 * and clients page faster than the list changes), the settings every machine view needs, the views of machines
 * that clients poll. A value is read again when its time to live ends or when {@code changes} moved: a write of the
 * rows it was read from, committed by this node or, on PostgreSQL, heard of from another (the store's change
 * notices), so every node shows a change within milliseconds, and within the time to live if notices were lost.
 *
 * @param <V> what is read
 */
public final class RecentReads<V> {
    private static final int DEFAULT_CAPACITY = 1_000;

    private record Entry<V>(V value, long generation, Instant until) {
    }

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;
    private final LongSupplier changes;
    private final int capacity;

    /**
     * @param changes a counter that moves whenever a row read is written (see {@code EntityChanges})
     */
    public RecentReads(Duration ttl, Clock clock, LongSupplier changes) {
        this(ttl, clock, changes, DEFAULT_CAPACITY);
    }

    /** @param capacity how many values it remembers at most; beyond that the stale ones go, or all */
    public RecentReads(Duration ttl, Clock clock, LongSupplier changes, int capacity) {
        this.ttl = ttl;
        this.clock = clock;
        this.changes = changes;
        this.capacity = capacity;
    }

    /** The value for {@code key} (the query and all its parameters), from {@code read} when none is remembered. */
    public V get(String key, Supplier<V> read) {
        long generation = changes.getAsLong();
        Instant now = clock.instant();
        Entry<V> e = entries.get(key);
        if (e != null && e.generation == generation && now.isBefore(e.until)) {
            return e.value;
        }
        V v = read.get();
        if (entries.size() >= capacity) {
            entries.values().removeIf(x -> !now.isBefore(x.until) || x.generation != generation);
            if (entries.size() >= capacity) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(v, generation, now.plus(ttl)));
        return v;
    }
}
