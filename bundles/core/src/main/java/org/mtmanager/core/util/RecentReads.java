package org.mtmanager.core.util;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Totals of paged lists, remembered for a few seconds: counting every matching row of a large table is the
 * dearest part of a page, and clients page through a list faster than it changes. A total is recounted when its
 * time to live ends or when {@code changes} moved (a write of the counted rows in this JVM), so one node always
 * shows its own changes at once, and another node's within the time to live.
 */
public final class RecentCounts {
    private static final int MAX_ENTRIES = 1_000;

    private record Entry(long count, long generation, Instant until) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;
    private final LongSupplier changes;

    /**
     * @param changes a counter that moves whenever a counted row is written (see {@code EntityChanges})
     */
    public RecentCounts(Duration ttl, Clock clock, LongSupplier changes) {
        this.ttl = ttl;
        this.clock = clock;
        this.changes = changes;
    }

    /**
     * The total for {@code key} (the query and all its parameters), from {@code count} when none is remembered.
     */
    public long count(String key, LongSupplier count) {
        long generation = changes.getAsLong();
        Instant now = clock.instant();
        Entry e = entries.get(key);
        if (e != null && e.generation == generation && now.isBefore(e.until)) {
            return e.count;
        }
        long n = count.getAsLong();
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(x -> !now.isBefore(x.until) || x.generation != generation);
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key, new Entry(n, generation, now.plus(ttl)));
        return n;
    }
}
