package org.mtmanager.core.machine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.mtmanager.api.job.JobState;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.store.entity.MachineEntity;

/**
 * What the job engine writes on a job's row, each in a transaction of its own: its progress, its end, and a failed
 * attempt with when it is tried again. Texts may be long (a driver's console tail): the store cuts them to their
 * columns.
 */
final class JobRecords {
    private final Store store;
    private final Clock clock;
    private final RetryPolicy policy;
    private final List<MachineDeletion> deletionHooks;

    JobRecords(Store store, Clock clock, RetryPolicy policy, List<MachineDeletion> deletionHooks) {
        this.store = store;
        this.clock = clock;
        this.policy = policy;
        this.deletionHooks = deletionHooks;
    }

    /** The job runs: what it does now, and how far it is. */
    void progress(long jobId, String step, int percent) {
        Instant now = clock.instant();
        store.writing(em -> {
            JobEntity j = em.find(JobEntity.class, jobId);
            j.setState(JobState.RUNNING.name());
            j.setStep(step);
            j.setPercent(percent);
            j.setNextAttemptAt(null);
            j.setUpdatedAt(now);
        });
    }

    /** The job cannot run yet (its host or driver is missing): it looks again after the longest pause. */
    void waiting(long jobId, String why) {
        Instant now = clock.instant();
        store.writing(em -> {
            JobEntity j = em.find(JobEntity.class, jobId);
            j.setState(JobState.WAITING.name());
            j.setStep(why);
            j.setPercent(0);
            j.setNextAttemptAt(now.plus(policy.maxBackoff()));
            j.setUpdatedAt(now);
        });
    }

    void finish(long jobId, MachineState target, String result) {
        Instant now = clock.instant();
        List<Runnable> afterCommit = new ArrayList<>();
        store.writing(em -> {
            JobEntity j = em.find(JobEntity.class, jobId);
            MachineEntity m = em.find(MachineEntity.class, j.getMachineId());
            if (target == MachineState.DELETED) {
                // In the same transaction: a deleted machine keeps no route, grant or port, and they never lose it.
                for (MachineDeletion hook : deletionHooks) {
                    afterCommit.add(hook.deleting(em, m, j.getCreatedBy()));
                }
            }
            m.setState(target.name());
            m.setUpdatedAt(now);
            j.setState(JobState.SUCCEEDED.name());
            j.setPercent(100);
            j.setStep("done");
            j.setResult(result);
            j.setNextAttemptAt(null);
            j.setUpdatedAt(now);
        });
        afterCommit.forEach(Runnable::run);
    }

    /** The job ends FAILED; its machine (if it still has one) goes to {@code machineState} (null: stays as it is). */
    void fail(long jobId, MachineState machineState, String error) {
        Instant now = clock.instant();
        store.writing(em -> {
            JobEntity j = em.find(JobEntity.class, jobId);
            MachineEntity m = em.find(MachineEntity.class, j.getMachineId());
            if (m != null && machineState != null) {
                m.setState(machineState.name());
                m.setUpdatedAt(now);
            }
            j.setState(JobState.FAILED.name());
            j.setError(error == null || error.isBlank() ? "failed" : error);
            j.setNextAttemptAt(null);
            j.setUpdatedAt(now);
        });
    }

    /**
     * An attempt failed in a way that may pass: the job waits for its next attempt (after a pause that doubles each
     * time), or, with its attempts spent, ends FAILED with its machine in ERROR.
     */
    void failedAttempt(long jobId, String reason) {
        Instant now = clock.instant();
        store.writing(em -> {
            JobEntity j = em.find(JobEntity.class, jobId);
            int failed = j.getAttempts() + 1;
            j.setAttempts(failed);
            j.setUpdatedAt(now);
            if (failed >= policy.maxAttempts()) {
                MachineEntity m = em.find(MachineEntity.class, j.getMachineId());
                if (m != null) {
                    m.setState(MachineState.ERROR.name());
                    m.setUpdatedAt(now);
                }
                j.setState(JobState.FAILED.name());
                j.setError("gave up after " + failed + (failed == 1 ? " attempt: " : " attempts; the last failed: ") + reason);
                j.setNextAttemptAt(null);
                return;
            }
            Duration pause = policy.backoff(failed);
            j.setState(JobState.WAITING.name());
            j.setPercent(0);
            j.setStep("attempt " + failed + " of " + policy.maxAttempts() + " failed, next in " + pause.toSeconds() + " s: "
                + reason);
            j.setNextAttemptAt(now.plus(pause));
        });
    }
}
