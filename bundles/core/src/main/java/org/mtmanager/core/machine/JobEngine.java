package org.mtmanager.core.machine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.mtmanager.api.job.JobState;
import org.mtmanager.api.job.JobType;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.spi.hypervisor.DriverException;
import org.mtmanager.spi.hypervisor.HypervisorDriver;
import org.mtmanager.spi.hypervisor.MachineSpec;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.store.entity.PlanEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs machine jobs on a small thread pool. A job is a row first and work second: every job not in a final
 * state is picked up again when the platform starts and whenever a driver arrives, and run from its start, which
 * is safe because driver calls are idempotent. A job whose host or driver is missing waits (WAITING) instead of
 * failing.
 */
@Component(service = JobEngine.class, immediate = true)
public class JobEngine {
    private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);
    private static final Set<String> OPEN = Set.of(JobState.QUEUED.name(), JobState.RUNNING.name(), JobState.WAITING.name());

    private final Store store;
    private final Infrastructure infra;
    private final ExecutorService pool;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final List<MachineDeletion> deletionHooks = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** What other capabilities release when a machine is deleted (its ports and grants, its DID routes, ...). */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE,
        policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    public void addDeletionHook(MachineDeletion hook) {
        deletionHooks.add(hook);
    }

    public void removeDeletionHook(MachineDeletion hook) {
        deletionHooks.remove(hook);
    }

    @Activate
    public JobEngine(@Reference Store store, @Reference Infrastructure infra) {
        this.store = store;
        this.infra = infra;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "mtm-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        infra.onDriverAdded(this::resumeOpenJobs);
        resumeOpenJobs();
    }

    /**
     * Lets running jobs finish their current call (interrupting them would abort their database work; Derby closes
     * an interrupted connection). A job still running after the grace period is resumed at the next start.
     */
    @Deactivate
    void stop() throws InterruptedException {
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
                    } catch (RuntimeException e) {
                        LOG.error("job {} failed unexpectedly", jobId, e);
                    } finally {
                        inFlight.remove(jobId);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                inFlight.remove(jobId);
            }
        }
    }

    final void resumeOpenJobs() {
        List<Long> ids = store.read(em -> em.createQuery(
                "SELECT j.id FROM JobEntity j WHERE j.state IN :open ORDER BY j.id", Long.class)
            .setParameter("open", OPEN).getResultList());
        ids.forEach(this::submit);
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
        Optional<HostConfig> host = infra.host(w.machine().getHost());
        Optional<TimedDriver> driver = infra.driver(w.machine().getDriverType()).map(TimedDriver::new);
        if (host.isEmpty() || driver.isEmpty()) {
            progress(jobId, JobState.WAITING, host.isEmpty() ? "waiting for host " + w.machine().getHost()
                : "waiting for driver " + w.machine().getDriverType() + " (driver unavailable)", 0);
            return;
        }
        JobType type = JobType.valueOf(w.job().getType());
        MachineEntity m = w.machine();
        long t0 = System.nanoTime();
        try {
            switch (type) {
                case CREATE -> {
                    progress(jobId, JobState.RUNNING, "creating the machine on host " + m.getHost(), 10);
                    PlanEntity p = w.plan();
                    driver.get().create(host.get().settings(), new MachineSpec(m.getSerial(), m.getHostname(),
                        p.getVcpu(), p.getMemoryMb(), p.getDiskGb(), m.getPbxVersion(), m.getInternalIp(), m.getExtensions(),
                        m.getLines()));
                    finish(jobId, MachineState.RUNNING, "machine " + m.getSerial() + " is running");
                }
                case START -> {
                    progress(jobId, JobState.RUNNING, "starting", 20);
                    driver.get().start(host.get().settings(), m.getSerial());
                    finish(jobId, MachineState.RUNNING, "started");
                }
                case STOP -> {
                    progress(jobId, JobState.RUNNING, "stopping", 20);
                    driver.get().stop(host.get().settings(), m.getSerial());
                    finish(jobId, MachineState.STOPPED, "stopped");
                }
                case DELETE -> {
                    progress(jobId, JobState.RUNNING, "removing the machine from host " + m.getHost(), 20);
                    driver.get().destroy(host.get().settings(), m.getSerial());
                    finish(jobId, MachineState.DELETED, "deleted; the record is kept for billing and audit");
                }
                case UPGRADE -> upgrade(jobId, host.get(), driver.get(), m);
                case RESIZE -> resize(jobId, host.get(), driver.get(), m);
            }
        } catch (DriverException e) {
            if (e.retryable()) {
                progress(jobId, JobState.WAITING, "will retry: " + e.getMessage(), 0);
            } else {
                fail(jobId, e.getMessage());
            }
        } finally {
            LOG.info("job {} ({} of machine {}) ran {} ms, {} ms of it in the {} driver", jobId, type, m.getSerial(),
                (System.nanoTime() - t0) / 1_000_000, driver.get().millis(), driver.get().type());
        }
    }

    /**
     * Every step of the upgrade path after the machine's version, in order. Each finished step is recorded on the
     * machine at once, so a resumed job starts where the interrupted one stopped. A failed step is rolled back to
     * the snapshot taken before it (when the driver can), and the machine keeps the last version that worked.
     */
    private void upgrade(long jobId, HostConfig host, HypervisorDriver driver, MachineEntity m) throws DriverException {
        List<String> steps = store.read(em -> Allocation.upgradePath(em).stepsFrom(m.getPbxVersion()));
        boolean snapshots = driver.capabilities().contains(org.mtmanager.spi.hypervisor.Capability.SNAPSHOT);
        String from = m.getPbxVersion();
        for (int i = 0; i < steps.size(); i++) {
            String to = steps.get(i);
            progress(jobId, JobState.RUNNING, "step " + (i + 1) + "/" + steps.size() + ": " + from + " > " + to,
                i * 100 / steps.size());
            String snapshot = "mtm-before-" + to;
            if (snapshots) {
                driver.snapshot(host.settings(), m.getSerial(), snapshot);
            }
            try {
                driver.upgrade(host.settings(), m.getSerial(), to);
            } catch (DriverException e) {
                String rolledBack = "";
                if (snapshots) {
                    driver.restore(host.settings(), m.getSerial(), snapshot);
                    rolledBack = "; rolled back to " + from;
                }
                MachineState after = settle(host, driver, m);
                String error = "step " + from + " > " + to + " failed: " + e.getMessage() + rolledBack;
                store.writing(em -> {
                    JobEntity j = em.find(JobEntity.class, jobId);
                    em.find(MachineEntity.class, m.getId()).setState(after.name());
                    j.setState(JobState.FAILED.name());
                    j.setError(error.length() > 1000 ? error.substring(0, 999) : error);
                    j.setUpdatedAt(Instant.now());
                });
                return;
            }
            String done = to;
            store.writing(em -> em.find(MachineEntity.class, m.getId()).setPbxVersion(done));
            from = to;
        }
        finish(jobId, settle(host, driver, m), "upgraded to " + from + " in " + steps.size() + " step(s)");
    }

    /** Applies an approved plan change: the driver resizes, then the machine records its new plan. */
    private void resize(long jobId, HostConfig host, HypervisorDriver driver, MachineEntity m) throws DriverException {
        org.mtmanager.store.entity.PlanChangeEntity change = store.read(em -> em.createQuery(
                "SELECT p FROM PlanChangeEntity p WHERE p.jobId = :j", org.mtmanager.store.entity.PlanChangeEntity.class)
            .setParameter("j", jobId).getSingleResult());
        PlanEntity to = store.read(em -> em.find(PlanEntity.class, change.getToPlanId()));
        progress(jobId, JobState.RUNNING, "resizing to plan " + to.getName(), 30);
        driver.resize(host.settings(), m.getSerial(), to.getVcpu(), to.getMemoryMb(), to.getDiskGb());
        store.writing(em -> em.find(MachineEntity.class, m.getId()).setPlanId(to.getId()));
        finish(jobId, MachineState.valueOf(m.getState()), "now on plan " + to.getName());
    }

    /** Where an upgraded machine rests: as the driver finds it. */
    private static MachineState settle(HostConfig host, HypervisorDriver driver, MachineEntity m) throws DriverException {
        return driver.status(host.settings(), m.getSerial())
            .map(d -> d.state() == org.mtmanager.spi.hypervisor.PowerState.RUNNING ? MachineState.RUNNING : MachineState.STOPPED)
            .orElse(MachineState.ERROR);
    }

    private void progress(long jobId, JobState state, String step, int percent) {
        store.writing(em -> {
            JobEntity j = em.find(JobEntity.class, jobId);
            j.setState(state.name());
            j.setStep(step);
            j.setPercent(percent);
            j.setUpdatedAt(Instant.now());
        });
    }

    private void finish(long jobId, MachineState target, String result) {
        List<Runnable> afterCommit = new java.util.ArrayList<>();
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
            m.setUpdatedAt(Instant.now());
            j.setState(JobState.SUCCEEDED.name());
            j.setPercent(100);
            j.setStep("done");
            j.setResult(result);
            j.setUpdatedAt(Instant.now());
        });
        afterCommit.forEach(Runnable::run);
    }

    private void fail(long jobId, String error) {
        store.writing(em -> {
            JobEntity j = em.find(JobEntity.class, jobId);
            MachineEntity m = em.find(MachineEntity.class, j.getMachineId());
            m.setState(MachineState.ERROR.name());
            m.setUpdatedAt(Instant.now());
            j.setState(JobState.FAILED.name());
            j.setError(error == null ? "failed" : error.length() > 1000 ? error.substring(0, 999) : error);
            j.setUpdatedAt(Instant.now());
        });
    }
}
