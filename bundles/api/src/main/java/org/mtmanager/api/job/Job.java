package org.mtmanager.api.job;

import java.time.Instant;

/** A long operation on a machine. */
public record Job(long id, JobType type, long machineId, JobState state, String step, int percent, String result,
                  String error, String idempotencyKey, String createdBy, Instant createdAt, Instant updatedAt) {
}
