package org.mtmanager.machine;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.mtmanager.api.job.JobState;
import org.mtmanager.api.job.JobType;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.machine.deletion.DeletionStep;
import org.mtmanager.machine.deletion.MachineDeletion;
import org.mtmanager.platform.cluster.JobLease;
import org.mtmanager.platform.cluster.JobLeases;
import org.mtmanager.platform.cluster.LeaseLostException;
import org.mtmanager.platform.cluster.LocalNode;
import org.mtmanager.platform.cluster.NodeMembership;
import org.mtmanager.spi.hypervisor.DriverException;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.store.entity.PlanEntity;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs machine jobs on this node. A job is a row first and work second: a node runs a job only while it holds the
 * job's lease on the row ({@link JobLeases}), claimed atomically, so that of all the nodes on the database one runs
 * it. A job submitted here is claimed at once; a poller claims, as workers are free, what is claimable: jobs of a
 * node that died or stopped, retries that are due, jobs whose node died before claiming them. While a job runs, a
 * heartbeat renews its lease; each write of the job holds only while its fence does ({@link JobRecords}), so a job
 * that another node took over after this one fell silent is not written by this one any more.
 *
 * <p>A job is run from its start, which is safe because driver calls are idempotent. A job whose host or driver is
 * missing waits (WAITING) instead of failing, until they return or an operator's action on its machine replaces it
 * ({@link JobRows#replaceStranded}). Whatever an attempt throws ends in a recorded outcome: a driver error that
 * cannot pass fails the job, and anything else (a retryable driver error, a driver's unexpected exception or
 * error, the database refusing the job's progress) is a failed attempt, tried again after a growing pause until the
 * {@link RetryPolicy}'s attempts are spent; then the job is FAILED and its machine in ERROR. A run whose outcome
 * cannot be written at all leaves the job to its lease, which runs out, and any node runs it again; after as many
 * such runs in a row as the policy's attempts, the node that claims it fails it instead. It never stays RUNNING.
 *
 * <p>A machine's deletion completes only with every deletion step that the installed bundles declare
 * ({@link DeletionSteps}): the engine claims jobs from its start on, before DS has bound its {@link MachineDeletion}
 * hooks, and a hook may be missing later too (its bundle restarting). A delete job that finds one missing waits, and
 * is claimed again as soon as a hook arrives.
 */
@Component(service = JobEngine.class, immediate = true)
public class JobEngine {
    private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);
    private static final int WORKERS = 4;
    /** How long a clean stop lets running jobs finish their current call before their leases are given back. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final Store store;
    private final Infrastructure infra;
    private final Clock clock;
    private final RetryPolicy policy;
    private final LocalNode node;
    private final JobLeases leases;
    private final ExecutorService pool;
    /** One permit per idle worker: a node claims no more jobs than it can start now. */
    private final Semaphore idle = new Semaphore(WORKERS);
    private final ScheduledExecutorService timer;
    private final Map<Long, JobLease> inFlight = new ConcurrentHashMap<>();
    private final DeletionSteps deletions;
    private final JobRecords records;
    /** How long the jobs that ended here took (MachineMetrics reports them). */
    final JobDurations durations = new JobDurations();
    private final JobSteps steps;
    private volatile boolean stopping;

    /**
     * What other capabilities release when a machine is deleted (its ports and grants, its DID routes, ...), each a
     * named step ({@link DeletionStep}). Once every expected step is bound, a deletion that waited for them goes on
     * now, as a job waiting for a driver does when the driver arrives.
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addDeletionHook(MachineDeletion hook, Map<String, Object> properties) {
        Object step = properties.get(DeletionStep.PROPERTY);
        if (step == null) {
            LOG.warn("deletion hook {} names no step ({}): it runs, but no deletion waits for it", hook.getClass().getName(),
                DeletionStep.PROPERTY);
        }
        addDeletionStep(hook, step == null ? null : step.toString());
    }

    public void removeDeletionHook(MachineDeletion hook) {
        deletions.remove(hook);
    }

    /**
     * Binds a hook under its step's name (named apart from the DS bind method, which SCR must find alone).
     *
     * @param step the hook's step, or null for one that is run but never waited for
     */
    void addDeletionStep(MachineDeletion hook, String step) {
        deletions.add(hook, step);
        deletionStepsChanged();
    }

    /** A hook came, or a bundle's steps went: once none is missing, the deletions that waited for them go on now. */
    private void deletionStepsChanged() {
        if (deletions.plan().waitingFor() == null) {
            pollSafely(true);
        }
    }

    /**
     * @param membership this node's row: claims name it, so it must be UP before the first claim
     * @param context the steps a deletion waits for are those that the framework's installed bundles declare
     */
    @Activate
    public JobEngine(@Reference Store store, @Reference Infrastructure infra, @Reference NodeMembership membership,
                     BundleContext context) {
        this(store, infra, Clock.systemUTC(), RetryPolicy.DEFAULT, membership,
            new DeletionSteps(DeletionSteps.installed(context)));
    }

    /** An engine whose deletions expect no step: the hooks bound are run, none is waited for. */
    JobEngine(Store store, Infrastructure infra, Clock clock, RetryPolicy policy, NodeMembership membership) {
        this(store, infra, clock, policy, membership, DeletionSteps.none());
    }

    /** @param deletions opened before the first claim, since a delete job may be claimed at once; closed at the stop */
    JobEngine(Store store, Infrastructure infra, Clock clock, RetryPolicy policy, NodeMembership membership,
              DeletionSteps deletions) {
        this.store = store;
        this.infra = infra;
        this.clock = clock;
        this.policy = policy;
        this.node = membership.node();
        this.leases = new JobLeases(node, clock);
        this.deletions = deletions;
        this.records = new JobRecords(store, clock, policy, deletions, leases, durations);
        this.steps = new JobSteps(store, records);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "mtm-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.timer = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "mtm-job-leases");
            t.setDaemon(true);
            return t;
        });
        infra.onDriverAdded(() -> pollSafely(true));
        deletions.onExpectedChange(this::deletionStepsChanged);
        long poll = node.poll().toMillis();
        long beat = node.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(() -> pollSafely(false), 0, poll, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::renewSafely, beat, beat, TimeUnit.MILLISECONDS);
    }

    /** The clock of jobs: their rows' times and their leases. */
    Clock clock() {
        return clock;
    }

    /**
     * A clean stop: no more claims; running jobs may finish their current call (interrupting them would abort
     * their database work; Derby closes an interrupted connection), their leases renewed meanwhile; then every
     * lease of this node is given back, so the jobs still running are free for other nodes at once (and a late
     * write of this node's worker is refused).
     */
    @Deactivate
    void stop() throws InterruptedException {
        stop(GRACE);
    }

    void stop(Duration grace) throws InterruptedException {
        stopping = true;
        pool.shutdown();
        if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
        }
        abandon();
        closeDeletions();
        try {
            int released = store.write(leases::releaseAll);
            if (released > 0) {
                LOG.info("node {} stopped with {} job(s) under way; their leases are free for other nodes", node.name(), released);
            }
        } catch (RuntimeException e) {
            LOG.warn("node {}: its job leases could not be given back; they are free when they run out in {}", node.name(),
                node.lease(), e);
        }
    }

    private void closeDeletions() {
        try {
            deletions.close();
        } catch (Exception e) {
            LOG.warn("node {}: the deletion steps' tracker did not close", node.name(), e);
        }
    }

    /**
     * Stops claiming and renewing, as a node that dies does: its leases run out. A poll or heartbeat under way
     * ends by itself (an interrupt would close its Derby connection).
     */
    void abandon() throws InterruptedException {
        stopping = true;
        timer.shutdown();
        timer.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Runs a job now if it is claimable and a worker is idle; otherwise a poll claims it later. */
    public void submit(long jobId) {
        if (stopping || !idle.tryAcquire()) {
            return;
        }
        Optional<JobLease> claimed;
        try {
            claimed = store.write(em -> leases.claim(em, jobId));
        } catch (RuntimeException e) {
            idle.release();
            LOG.warn("job {} could not be claimed now; a poll tries again", jobId, e);
            return;
        }
        claimed.ifPresentOrElse(this::start, idle::release);
    }

    /**
     * Claims as many claimable jobs as workers are idle and starts them; returns the ids claimed. With {@code
     * dueOrNot}, WAITING jobs whose next attempt has not come are claimed too (a driver arrived).
     */
    List<Long> poll(boolean dueOrNot) {
        int free = idle.drainPermits();
        if (stopping || free == 0) {
            idle.release(free);
            return List.of();
        }
        List<JobLease> claimed;
        try {
            claimed = store.write(em -> leases.claimSome(em, free, dueOrNot));
        } catch (RuntimeException e) {
            idle.release(free);
            throw e;
        }
        idle.release(free - claimed.size());
        claimed.forEach(this::start);
        return claimed.stream().map(JobLease::jobId).toList();
    }

    List<Long> poll() {
        return poll(false);
    }

    private void pollSafely(boolean dueOrNot) {
        try {
            List<Long> claimed = poll(dueOrNot);
            if (!claimed.isEmpty()) {
                LOG.debug("node {} claimed jobs {}", node.name(), claimed);
            }
        } catch (RuntimeException e) {
            // The next poll looks again; a scheduled task that throws would never run again.
            LOG.error("node {} could not claim jobs", node.name(), e);
        }
    }

    /** The heartbeat of the running jobs; a lease found lost is another node's job now. */
    void renew() {
        if (inFlight.isEmpty()) {
            return;
        }
        Set<JobLease> lost = store.write(em -> leases.renew(em, inFlight.values()));
        for (JobLease l : lost) {
            LOG.warn("job {}: node {} lost its lease (another node took it over); its worker here writes nothing more",
                l.jobId(), node.name());
        }
    }

    private void renewSafely() {
        try {
            renew();
        } catch (RuntimeException e) {
            LOG.warn("node {}: the leases of its running jobs could not be renewed; the next heartbeat tries again",
                node.name(), e);
        }
    }

    /** Whether a worker of this node runs the job now. */
    boolean running(long jobId) {
        return inFlight.containsKey(jobId);
    }

    /** Starts a claimed job on an idle worker (its permit is taken). */
    private void start(JobLease lease) {
        inFlight.put(lease.jobId(), lease);
        try {
            pool.execute(() -> {
                try {
                    work(lease);
                } finally {
                    inFlight.remove(lease.jobId(), lease);
                    idle.release();
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(lease.jobId(), lease);
            idle.release();
            try {
                store.writing(em -> leases.release(em, lease));
            } catch (RuntimeException again) {
                again.addSuppressed(e);
                LOG.warn("job {}: this node is stopping; its lease is free when it runs out", lease.jobId(), again);
            }
        }
    }

    /** One run of a claimed job; whatever it throws ends here, logged. */
    private void work(JobLease lease) {
        try {
            if (lease.claims() > policy.maxAttempts()) {
                records.fail(lease, MachineState.ERROR, "gave up after " + (lease.claims() - 1) + " attempts whose outcome"
                    + " could not be recorded (their node stopped, or the database refused it; the server logs say why)");
                LOG.error("job {}: {} runs in a row ended with no outcome recorded; it is failed", lease.jobId(),
                    lease.claims() - 1);
                return;
            }
            run(lease);
        } catch (LeaseLostException e) {
            LOG.warn("job {}: {}; this node stops it (another node runs it, or it ended)", lease.jobId(), e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.error("job {}: the outcome of its run could not be recorded; its lease runs out in {} and a node runs it"
                + " again ({} of at most {} such runs)", lease.jobId(), node.lease(), lease.claims(), policy.maxAttempts(), e);
        }
    }

    private record Work(JobEntity job, MachineEntity machine, PlanEntity plan) {
    }

    private void run(JobLease lease) {
        long jobId = lease.jobId();
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
            records.fail(lease, null, "machine " + w.job().getMachineId() + " no longer exists");
            return;
        }
        Optional<HostConfig> host = infra.host(m.getHost());
        Optional<TimedDriver> driver = infra.driver(m.getDriverType()).map(TimedDriver::new);
        if (host.isEmpty() || driver.isEmpty()) {
            records.waiting(lease, host.isEmpty() ? "waiting for host " + m.getHost()
                : "waiting for driver " + m.getDriverType() + " (driver unavailable)");
            return;
        }
        JobType type = JobType.valueOf(w.job().getType());
        String waitingFor = type == JobType.DELETE ? deletions.plan().waitingFor() : null;
        if (waitingFor != null) {
            records.waiting(lease, waitingFor);
            return;
        }
        long t0 = System.nanoTime();
        try {
            steps.run(lease, type, m, w.plan(), host.get(), driver.get());
        } catch (DriverException e) {
            if (e.retryable()) {
                records.failedAttempt(lease, e.getMessage());
            } else {
                records.fail(lease, MachineState.ERROR, e.getMessage());
            }
        } catch (LeaseLostException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // The driver's own exceptions arrive as DriverExceptions (TimedDriver): this is the platform's side,
            // most likely the database refusing the job's progress.
            LOG.error("job {} ({} of machine {}) failed unexpectedly; it is tried again", jobId, type, m.getSerial(), e);
            records.failedAttempt(lease, "the platform could not carry on: " + Failures.describe(e));
        } finally {
            LOG.info("job {} ({} of machine {}) ran {} ms on node {}, {} ms of it in the {} driver", jobId, type,
                m.getSerial(), (System.nanoTime() - t0) / 1_000_000, node.name(), driver.get().millis(), driver.get().type());
        }
    }
}
