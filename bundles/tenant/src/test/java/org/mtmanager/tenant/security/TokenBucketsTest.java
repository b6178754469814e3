package org.mtmanager.tenant.security;

import static org.junit.Assert.assertEquals;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;

public class TokenBucketsTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private void advanceMillis(long ms) {
        nanos.addAndGet(ms * 1_000_000L);
    }

    @Test
    public void aBurstPassesThenTheRateDecides() {
        TokenBuckets b = new TokenBuckets(2, 5, nanos::get);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, b.take("ip:a"));
        }
        assertEquals(1, b.take("ip:a"));
        assertEquals("another key has its own bucket", 0, b.take("ip:b"));
        advanceMillis(499);
        assertEquals(1, b.take("ip:a"));
        advanceMillis(1);
        assertEquals(0, b.take("ip:a"));
        assertEquals(1, b.take("ip:a"));
        // never more than the burst, however long the pause
        advanceMillis(3_600_000);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, b.take("ip:a"));
        }
        assertEquals(1, b.take("ip:a"));
    }

    @Test
    public void retryAfterIsTheWholeSecondsUntilTheNextToken() {
        TokenBuckets slow = new TokenBuckets(1.0 / 60, 3, nanos::get); // 1 a minute
        slow.take("u");
        slow.take("u");
        slow.take("u");
        assertEquals(60, slow.take("u"));
        advanceMillis(30_000);
        assertEquals(30, slow.waiting("u"));
        advanceMillis(30_000);
        assertEquals(0, slow.waiting("u"));
        assertEquals("waiting takes nothing", 0, slow.take("u"));
        assertEquals(60, slow.waiting("u"));
    }

    @Test
    public void memoryStaysBounded() {
        TokenBuckets b = new TokenBuckets(1000, 1, nanos::get);
        for (int i = 0; i < TokenBuckets.MAX_KEYS + 10; i++) {
            b.take("k" + i);
            if (i % 1000 == 0) {
                advanceMillis(1);
            }
        }
        assertEquals(true, b.size() <= TokenBuckets.MAX_KEYS);
    }
}
