package org.mtmanager.machine;

import java.time.Duration;

/**
 * When the job engine tries a job again.
 *
 * @param maxAttempts  attempts a job gets for failures that may pass (a retryable driver error, anything a step
 *                     throws unexpectedly, the database refusing its progress); after the last it is FAILED. Also
 *                     how many runs in a row may end with no outcome recorded (their node died, or the database
 *                     refused even the failure) before the job is failed instead of run again
 * @param firstBackoff the pause after the first failed attempt; each further one doubles it
 * @param maxBackoff   the longest pause; also how often a job waiting for its host or driver looks again
 */
record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

    /** Five attempts, the last about four minutes after the first: longer than a host is usually overloaded. */
    static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(15), Duration.ofMinutes(5));

    RetryPolicy {
        if (maxAttempts < 1 || firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("a retry policy needs at least one attempt and growing pauses: "
                + maxAttempts + ", " + firstBackoff + ", " + maxBackoff);
        }
    }

    /** The pause after the {@code failed}-th failed attempt (1, 2, ...). */
    Duration backoff(int failed) {
        Duration pause = firstBackoff;
        for (int i = 1; i < failed && pause.compareTo(maxBackoff) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
    }
}
