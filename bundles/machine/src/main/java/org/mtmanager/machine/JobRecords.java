package org.mtmanager.machine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.persistence.EntityManager;

import org.mtmanager.api.job.JobState;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.machine.deletion.MachineDeletion;
import org.mtmanager.platform.cluster.JobLease;
import org.mtmanager.platform.cluster.JobLeases;
import org.mtmanager.platform.cluster.LeaseLostException;
import org.mtmanager.platform.util.Fields;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.store.entity.MachineEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the job engine writes on a job's row, each in a transaction of its own: its progress, its end, and a failed
 * attempt with when it is tried again. Each is written only while the job's lease holds: the transaction first
 * checks (and renews) the lease with its fence, and is rolled back with a {@link LeaseLostException} if another node
 * holds the job now. Ending a job, or making it wait for its next attempt, ends its lease. Texts may be long (a driver's console tail): the store cuts them to their
 * columns. They come from drivers and machines, not users: each is made XML-safe here ({@link Fields#xmlSafe}), the
 * one place they are written, since SOAP's getJob sends them. A job that has ended (done, failed or cancelled) is
 * never written again: whatever is reported for it later changes nothing.
 */
final class JobRecords {
    private static final Logger LOG = LoggerFactory.getLogger(JobRecords.class);
    private final Store store;
    private final Clock clock;
    private final RetryPolicy policy;
    private final DeletionSteps deletions;
    private final JobLeases leases;
    private final JobDurations durations;

    JobRecords(Store store, Clock clock, RetryPolicy policy, DeletionSteps deletions, JobLeases leases,
               JobDurations durations) {
        this.durations = durations;
        this.store = store;
        this.clock = clock;
        this.policy = policy;
        this.deletions = deletions;
        this.leases = leases;
    }

    /** The job's row, in a transaction that holds its lease (or is rolled back by {@link LeaseLostException}). */
    private JobEntity held(EntityManager em, JobLease lease) {
        leases.hold(em, lease);
        return em.find(JobEntity.class, lease.jobId());
    }

    /** A change of the job's machine that a step commits (the version an upgrade step reached, a new plan). */
    void step(JobLease lease, Consumer<EntityManager> change) {
        store.writing(em -> {
            if (!ended(held(em, lease))) {
                change.accept(em);
            }
        });
    }

    /**
     * The job runs: what it does now, and how far it is. Returns false when it has ended meanwhile (an operator's
     * delete, stop or start replaced it while it waited): its worker then does nothing more.
     */
    boolean progress(JobLease lease, String step, int percent) {
        Instant now = clock.instant();
        return store.write(em -> {
            JobEntity j = held(em, lease);
            if (ended(j)) {
                return false;
            }
            j.setState(JobState.RUNNING.name());
            j.setStep(Fields.xmlSafe(step));
            j.setPercent(percent);
            j.setNextAttemptAt(null);
            j.setUpdatedAt(now);
            return true;
        });
    }

    /** The job cannot run yet (its host or driver is missing): it looks again after the longest pause. */
    void waiting(JobLease lease, String why) {
        Instant now = clock.instant();
        store.writing(em -> {
            JobEntity j = held(em, lease);
            if (ended(j)) {
                return;
            }
            j.endLease();
            j.setClaims(0);
            j.setState(JobState.WAITING.name());
            j.setStep(Fields.xmlSafe(why));
            j.setPercent(0);
            j.setNextAttemptAt(now.plus(policy.maxBackoff()));
            j.setUpdatedAt(now);
        });
    }

    /**
     * The job SUCCEEDED and its machine is in {@code target}. What changes infrastructure after the commit (a
     * deletion hook's action) cannot undo it: its failure is logged, and the job stays done. A deletion that lacks
     * one of its steps ({@link DeletionSteps}) waits instead: a step may have gone since the job began (its bundle
     * stopping), and the driver's part, done again when the job goes on, is idempotent.
     */
    void finish(JobLease lease, MachineState target, String result) {
        DeletionSteps.Plan plan = target == MachineState.DELETED ? deletions.plan() : null;
        if (plan != null && plan.waitingFor() != null) {
            waiting(lease, plan.waitingFor());
            return;
        }
        List<MachineDeletion> hooks = plan == null ? List.of() : plan.hooks();
        long jobId = lease.jobId();
        Instant now = clock.instant();
        List<Runnable> afterCommit = new ArrayList<>();
        JobDurations.Ended ended = store.write(em -> {
            afterCommit.clear(); // the store may run this again: only the committed attempt's actions run
            JobEntity j = held(em, lease);
            if (ended(j)) {
                return null;
            }
            j.endLease();
            MachineEntity m = em.find(MachineEntity.class, j.getMachineId());
            if (target == MachineState.DELETED) {
                // In the same transaction: a deleted machine keeps no route, grant or port, and they never lose it.
                for (MachineDeletion hook : hooks) {
                    afterCommit.add(hook.deleting(em, m, j.getCreatedBy()));
                }
            }
            m.setState(target.name());
            m.setUpdatedAt(now);
            j.setState(JobState.SUCCEEDED.name());
            j.setPercent(100);
            j.setStep("done");
            j.setResult(Fields.xmlSafe(result));
            j.setNextAttemptAt(null);
            j.setUpdatedAt(now);
            return new JobDurations.Ended(j.getType(), JobState.SUCCEEDED, j.getCreatedAt(), now);
        });
        durations.observe(ended);
        for (Runnable action : afterCommit) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("job {}: the machine is deleted, but releasing what it held outside the database failed"
                    + " (the reconciler and the next rule sync remove it): {}", jobId, Failures.describe(e), e);
            }
        }
    }

    /** The job ends FAILED; its machine (if it still has one) goes to {@code machineState} (null: stays as it is). */
    void fail(JobLease lease, MachineState machineState, String error) {
        Instant now = clock.instant();
        durations.observe(store.write(em -> {
            JobEntity j = held(em, lease);
            if (ended(j)) {
                return null;
            }
            j.endLease();
            MachineEntity m = em.find(MachineEntity.class, j.getMachineId());
            if (m != null && machineState != null) {
                m.setState(machineState.name());
                m.setUpdatedAt(now);
            }
            j.setState(JobState.FAILED.name());
            j.setError(error == null || error.isBlank() ? "failed" : Fields.xmlSafe(error));
            j.setNextAttemptAt(null);
            j.setUpdatedAt(now);
            return new JobDurations.Ended(j.getType(), JobState.FAILED, j.getCreatedAt(), now);
        }));
    }

    /**
     * An attempt failed in a way that may pass: the job waits for its next attempt (after a pause that doubles each
     * time), or, with its attempts spent, ends FAILED with its machine in ERROR.
     */
    void failedAttempt(JobLease lease, String reason) {
        Instant now = clock.instant();
        durations.observe(store.write(em -> {
            JobEntity j = held(em, lease);
            if (ended(j)) {
                return null;
            }
            j.endLease();
            j.setClaims(0);
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
                j.setError(Fields.xmlSafe("gave up after " + failed + (failed == 1 ? " attempt: " : " attempts; the last failed: ")
                    + reason));
                j.setNextAttemptAt(null);
                return new JobDurations.Ended(j.getType(), JobState.FAILED, j.getCreatedAt(), now);
            }
            Duration pause = policy.backoff(failed);
            j.setState(JobState.WAITING.name());
            j.setPercent(0);
            j.setStep(Fields.xmlSafe("attempt " + failed + " of " + policy.maxAttempts() + " failed, next in "
                + pause.toSeconds() + " s: " + reason));
            j.setNextAttemptAt(now.plus(pause));
            return null;
        }));
    }

    /** Whether the job is gone or in a final state, which nothing the engine learns later may change. */
    private static boolean ended(JobEntity j) {
        return j == null || JobState.valueOf(j.getState()).isFinal();
    }
}
