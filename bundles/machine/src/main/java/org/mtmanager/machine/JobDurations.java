package org.mtmanager.machine;

import java.time.Duration;
import java.time.Instant;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;

import org.mtmanager.api.job.JobState;
import org.mtmanager.api.job.JobType;
import org.mtmanager.platform.metrics.Meters;

/**
 * How long the jobs that ended on this node took, from their request to their end (waits and retries included: what
 * the one who asked waited), by type and final state. Each is observed once its end is committed.
 */
final class JobDurations {
    private final Histogram durations = Meters.seconds("mtm_job_duration_seconds",
        "How long jobs took from their request to their end, by type and final state", Meters.WORK_SECONDS, "type", "state");

    JobDurations() {
        // Every type's series from the start, so that a scraper sees each at 0 before its first job ends.
        for (JobType t : JobType.values()) {
            durations.labelValues(t.name(), JobState.SUCCEEDED.name());
            durations.labelValues(t.name(), JobState.FAILED.name());
        }
    }

    /** A job that ended, with its type, when it was asked for, and when it ended. */
    record Ended(String type, JobState state, Instant created, Instant now) {
    }

    void observe(Ended ended) {
        if (ended != null && ended.created() != null) {
            Duration took = Duration.between(ended.created(), ended.now());
            durations.labelValues(ended.type(), ended.state().name())
                .observe(Meters.seconds(took.isNegative() ? Duration.ZERO : took));
        }
    }

    HistogramSnapshot snapshot() {
        return durations.collect();
    }
}
