package org.mtmanager.api.job;

import java.time.Instant;

/**
 * A long operation on a machine.
 *
 * @param attempts      how many of its attempts failed in a way that may pass (it is tried again a few times)
 * @param nextAttemptAt when a WAITING job is next tried; null otherwise
 */
public record Job(long id, JobType type, long machineId, JobState state, String step, int percent, int attempts,
                  Instant nextAttemptAt, String result, String error, String idempotencyKey, String createdBy,
                  Instant createdAt, Instant updatedAt) {
}
