package org.mtmanager.platform.util;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;
import org.mtmanager.store.testing.TestClock;

/** A value is read once for a few seconds, and again at once after a change of the rows it was read from. */
public class RecentReadsTest {
    private final TestClock clock = new TestClock(Instant.parse("2030-01-01T10:00:00Z"));
    private final AtomicLong changes = new AtomicLong();
    private final RecentReads<Long> counts = new RecentReads<>(Duration.ofSeconds(5), clock, changes::get);
    private final AtomicLong rows = new AtomicLong(7);
    private int queries;

    private long count(String key) {
        return counts.get(key, () -> {
            queries++;
            return rows.get();
        });
    }

    @Test
    public void aTotalIsCountedOnceWithinItsTimeToLive() {
        assertEquals(7, count("a"));
        rows.set(8); // written by another node: this one's counter does not move
        clock.advance(Duration.ofSeconds(4));
        assertEquals(7, count("a"));
        assertEquals(1, queries);
        assertEquals("another query is counted for itself", 8, count("b"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(8, count("a"));
        assertEquals(3, queries);
    }

    @Test
    public void aChangeHereIsCountedAtOnce() {
        assertEquals(7, count("a"));
        rows.set(9);
        changes.incrementAndGet();
        assertEquals(9, count("a"));
        assertEquals(2, queries);
    }
}
