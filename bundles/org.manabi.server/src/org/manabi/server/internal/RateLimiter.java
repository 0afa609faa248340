package org.manabi.server.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perMinute} actions per key (a client address) in any minute, refilled evenly. Held
 * in this node's memory: a limit per node is enough to stop a script, and nothing is lost on restart.
 */
public final class RateLimiter {

    private record Bucket(double tokens, long atMillis) {
    }

    private static final int MAX_KEYS = 100_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** {@code perMinute} 0 lets everything through. */
    public RateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes one action for {@code key}; {@code false} when the key has used up its minute. */
    public boolean tryAcquire(String key) {
        if (perMinute <= 0) {
            return true;
        }
        long now = clock.millis();
        if (buckets.size() > MAX_KEYS) {
            // addresses that were quiet for a minute are full again anyway
            buckets.values().removeIf(bucket -> now - bucket.atMillis() > 60_000);
        }
        boolean[] allowed = new boolean[1];
        buckets.compute(key, (k, bucket) -> {
            double tokens = bucket == null ? perMinute
                    : Math.min(perMinute, bucket.tokens() + (now - bucket.atMillis()) * perMinute / 60_000.0);
            allowed[0] = tokens >= 1;
            return new Bucket(allowed[0] ? tokens - 1 : tokens, now);
        });
        return allowed[0];
    }
}
