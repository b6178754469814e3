package org.mtmanager.tenant.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (an address, a user, a token): each holds up to {@code burst} tokens and gains
 * {@code perSecond} a second. Memory stays bounded: full buckets are dropped when the map grows large, and
 * that forgets nothing (a missing bucket is a full one).
 */
public final class TokenBuckets {
    static final int MAX_KEYS = 100_000;

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double perSecond;
    private final double burst;
    private final LongSupplier nanos;

    public TokenBuckets(double perSecond, double burst, LongSupplier nanos) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate must be > 0 and a burst >= 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanos = nanos;
    }

    /** Takes one token: 0 when there was one, else the whole seconds until there will be one (nothing taken). */
    public long take(String key) {
        return update(key, true);
    }

    /** 0 when a token is there (none taken), else the whole seconds until there will be one. */
    public long waiting(String key) {
        return update(key, false);
    }

    private long update(String key, boolean take) {
        long now = nanos.getAsLong();
        if (buckets.size() >= MAX_KEYS) {
            sweep(now);
        }
        long[] wait = {0};
        buckets.compute(key, (k, b) -> {
            Bucket x = b == null ? new Bucket(burst, now) : b;
            x.tokens = Math.min(burst, x.tokens + (now - x.at) / 1e9 * perSecond);
            x.at = now;
            if (x.tokens >= 1) {
                if (take) {
                    x.tokens -= 1;
                }
            } else {
                wait[0] = Math.max(1, (long) Math.ceil((1 - x.tokens) / perSecond));
            }
            return x;
        });
        return wait[0];
    }

    private void sweep(long now) {
        buckets.values().removeIf(b -> b.tokens + (now - b.at) / 1e9 * perSecond >= burst);
        if (buckets.size() >= MAX_KEYS) {
            buckets.clear();
        }
    }

    int size() {
        return buckets.size();
    }
}
