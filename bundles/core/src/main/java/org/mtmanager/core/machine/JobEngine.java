package org.mtmanager.core.machine;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.mtmanager.api.job.JobState;
import org.mtmanager.api.job.JobType;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.spi.hypervisor.DriverException;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.store.entity.PlanEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs machine jobs on a small thread pool. A job is a row first and work second: every job not in a final state
 * is picked up again when the platform starts and whenever a driver arrives, and run from its start, which is safe
 * because driver calls are idempotent. A job whose host or driver is missing waits (WAITING) instead of failing,
 * until they return or an operator's action on its machine replaces it ({@link JobRows#replaceStranded}).
 *
 * <p>Whatever an attempt throws ends in a recorded outcome: a driver error that cannot pass fails the job, and
 * anything else (a retryable driver error, a driver's unexpected exception or error, the database refusing the
 * job's progress) is a failed attempt, tried again after a growing pause until the {@link RetryPolicy}'s attempts
 * are spent; then the job is FAILED and its machine in ERROR. A supervisor on this node runs jobs whose next
 * attempt is due, and jobs left QUEUED or RUNNING with no worker here (one that died, or whose outcome could not
 * be written), so no job is stranded until a restart; a job whose outcome cannot be written at all is run only as
 * often as its attempts allow, then failed. It knows only this node's workers: with several nodes, a lease on the
 * job row will take its place.
 */
@Component(service = JobEngine.class, immediate = true)
public class JobEngine {
    private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);
    private static final Set<String> OPEN = Set.of(JobState.QUEUED.name(), JobState.RUNNING.name(), JobState.WAITING.name());
    private static final Set<String> UNDER_WAY = Set.of(JobState.QUEUED.name(), JobState.RUNNING.name());

    private final Store store;
    private final Infrastructure infra;
    private final Clock clock;
    private final RetryPolicy policy;
    private final ExecutorService pool;
    private final ScheduledExecutorService supervisor;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    /** Per job, the runs in a row whose outcome could not be written at all (not even as a failed attempt). */
    private final Map<Long, Integer> unrecorded = new ConcurrentHashMap<>();
    private final List<MachineDeletion> deletionHooks = new CopyOnWriteArrayList<>();
    private final JobRecords records;
    private final JobSteps steps;

    /** What other capabilities release when a machine is deleted (its ports and grants, its DID routes, ...). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addDeletionHook(MachineDeletion hook) {
        deletionHooks.add(hook);
    }

    public void removeDeletionHook(MachineDeletion hook) {
        deletionHooks.remove(hook);
    }

    @Activate
    public JobEngine(@Reference Store store, @Reference Infrastructure infra) {
        this(store, infra, Clock.systemUTC(), RetryPolicy.DEFAULT);
    }

    JobEngine(Store store, Infrastructure infra, Clock clock, RetryPolicy policy) {
        this.store = store;
        this.infra = infra;
        this.clock = clock;
        this.policy = policy;
        this.records = new JobRecords(store, clock, policy, deletionHooks);
        this.steps = new JobSteps(store, records);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "mtm-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mtm-job-supervisor");
            t.setDaemon(true);
            return t;
        });
        infra.onDriverAdded(this::resumeOpenJobs);
        resumeOpenJobs();
        long tick = policy.tick().toMillis();
        supervisor.scheduleWithFixedDelay(this::superviseSafely, tick, tick, TimeUnit.MILLISECONDS);
    }

    /**
     * Lets running jobs finish their current call (interrupting them would abort their database work; Derby closes
     * an interrupted connection). A job still running after the grace period is resumed at the next start.
     */
    @Deactivate
    void stop() throws InterruptedException {
        supervisor.shutdown(); // cancels the schedule; a look under way ends by itself (same reason as above)
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }

    /** Runs a job soon, unless it is already running here. */
    public void submit(long jobId) {
        if (inFlight.add(jobId)) {
            try {
                pool.execute(() -> {
                    try {
                        run(jobId);
                        unrecorded.remove(jobId);
                    } catch (RuntimeException | Error e) {
                        unrecordedFailure(jobId, e);
                    } finally {
                        inFlight.remove(jobId);
                    }
                });
            } catch (RejectedExecutionException stopping) {
                inFlight.remove(jobId);
            }
        }
    }

    /**
     * Not even the failure could be written: the row stays open, and the supervisor runs it again, but only until
     * as many runs in a row as the policy's attempts went unrecorded (the attempts on the row cannot grow). Then the
     * job is failed; should even that not be written, this node leaves it alone until the platform restarts.
     */
    private void unrecordedFailure(long jobId, Throwable e) {
        int runs = unrecorded.merge(jobId, 1, Integer::sum);
        if (runs < policy.maxAttempts()) {
            LOG.error("job {}: its outcome could not be recorded ({} of {} times); it runs again within {}", jobId, runs,
                policy.maxAttempts(), policy.staleAfter(), e);
            return;
        }
        try {
            records.fail(jobId, MachineState.ERROR, "gave up after " + runs + " attempts whose outcome could not be"
                + " recorded; the last failed: " + Failures.describe(e));
            unrecorded.remove(jobId);
            LOG.error("job {}: its outcome could not be recorded {} times; it is failed", jobId, runs, e);
        } catch (RuntimeException | Error again) {
            again.addSuppressed(e);
            LOG.error("job {}: its outcome could not be recorded {} times, nor could its failure; this node runs it no"
                + " more until the platform restarts", jobId, runs, again);
        }
    }

    /** Whether a worker of this node runs the job now. */
    boolean running(long jobId) {
        return inFlight.contains(jobId);
    }

    /** Whether this node gave up on a job whose outcome, even its failure, could not be written. */
    private boolean givenUp(long jobId) {
        return unrecorded.getOrDefault(jobId, 0) >= policy.maxAttempts();
    }

    final void resumeOpenJobs() {
        List<Long> ids = store.read(em -> em.createQuery(
                "SELECT j.id FROM JobEntity j WHERE j.state IN :open ORDER BY j.id", Long.class)
            .setParameter("open", OPEN).getResultList());
        ids.forEach(this::submit);
    }

    /**
     * One look by the supervisor: runs each open job that no worker here runs and that is due (a WAITING job whose
     * next attempt has come) or abandoned (QUEUED or RUNNING, unchanged for {@code staleAfter}). Returns the jobs
     * it submitted.
     */
    List<Long> supervise() {
        Instant now = clock.instant();
        List<Long> due = store.read(em -> em.createQuery("SELECT j.id FROM JobEntity j WHERE (j.state = :waiting AND"
                + " (j.nextAttemptAt IS NULL OR j.nextAttemptAt <= :now)) OR (j.state IN :underWay AND j.updatedAt <= :stale)"
                + " ORDER BY j.id", Long.class)
            .setParameter("waiting", JobState.WAITING.name()).setParameter("now", Timestamp.from(now))
            .setParameter("underWay", UNDER_WAY).setParameter("stale", Timestamp.from(now.minus(policy.staleAfter())))
            .getResultList());
        List<Long> submitted = new ArrayList<>();
        for (long id : due) {
            if (!inFlight.contains(id) && !givenUp(id)) {
                submit(id);
                submitted.add(id);
            }
        }
        return submitted;
    }

    private void superviseSafely() {
        try {
            List<Long> submitted = supervise();
            if (!submitted.isEmpty()) {
                LOG.info("jobs {} are due or were abandoned by their worker; running them", submitted);
            }
        } catch (RuntimeException e) {
            // The next tick looks again; a scheduled task that throws would never run again.
            LOG.error("the job supervisor could not read the open jobs", e);
        }
    }

    private record Work(JobEntity job, MachineEntity machine, PlanEntity plan) {
    }

    void run(long jobId) {
        Work w = store.read(em -> {
            JobEntity j = em.find(JobEntity.class, jobId);
            MachineEntity m = j == null ? null : em.find(MachineEntity.class, j.getMachineId());
            return new Work(j, m, m == null ? null : em.find(PlanEntity.class, m.getPlanId()));
        });
        if (w.job() == null || JobState.valueOf(w.job().getState()).isFinal()) {
            return;
        }
        MachineEntity m = w.machine();
        if (m == null) {
            records.fail(jobId, null, "machine " + w.job().getMachineId() + " no longer exists");
            return;
        }
        Optional<HostConfig> host = infra.host(m.getHost());
        Optional<TimedDriver> driver = infra.driver(m.getDriverType()).map(TimedDriver::new);
        if (host.isEmpty() || driver.isEmpty()) {
            records.waiting(jobId, host.isEmpty() ? "waiting for host " + m.getHost()
                : "waiting for driver " + m.getDriverType() + " (driver unavailable)");
            return;
        }
        JobType type = JobType.valueOf(w.job().getType());
        long t0 = System.nanoTime();
        try {
            steps.run(jobId, type, m, w.plan(), host.get(), driver.get());
        } catch (DriverException e) {
            if (e.retryable()) {
                records.failedAttempt(jobId, e.getMessage());
            } else {
                records.fail(jobId, MachineState.ERROR, e.getMessage());
            }
        } catch (RuntimeException | Error e) {
            // The driver's own exceptions arrive as DriverExceptions (TimedDriver): this is the platform's side,
            // most likely the database refusing the job's progress.
            LOG.error("job {} ({} of machine {}) failed unexpectedly; it is tried again", jobId, type, m.getSerial(), e);
            records.failedAttempt(jobId, "the platform could not carry on: " + Failures.describe(e));
        } finally {
            LOG.info("job {} ({} of machine {}) ran {} ms, {} ms of it in the {} driver", jobId, type, m.getSerial(),
                (System.nanoTime() - t0) / 1_000_000, driver.get().millis(), driver.get().type());
        }
    }
}
