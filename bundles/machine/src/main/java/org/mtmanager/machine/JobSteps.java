package org.mtmanager.machine;

import java.util.List;

import org.mtmanager.api.job.JobType;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.platform.cluster.JobLease;
import org.mtmanager.spi.hypervisor.Capability;
import org.mtmanager.spi.hypervisor.DriverException;
import org.mtmanager.spi.hypervisor.HypervisorDriver;
import org.mtmanager.spi.hypervisor.MachineSpec;
import org.mtmanager.spi.hypervisor.PowerState;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.store.entity.PlanChangeEntity;
import org.mtmanager.store.entity.PlanEntity;

/**
 * The work of each job type, from its start: driver calls are idempotent, so a job run again after a crash or a
 * failed attempt does what is left and repeats what was done harmlessly. Every write of a step holds only under the
 * job's lease ({@link JobRecords}).
 */
final class JobSteps {
    private final Store store;
    private final JobRecords records;

    JobSteps(Store store, JobRecords records) {
        this.store = store;
        this.records = records;
    }

    void run(JobLease lease, JobType type, MachineEntity m, PlanEntity p, HostConfig host, HypervisorDriver driver)
        throws DriverException {
        switch (type) {
            case CREATE -> {
                if (!records.progress(lease, "creating the machine on host " + m.getHost(), 10)) {
                    return;
                }
                driver.create(host.settings(), new MachineSpec(m.getSerial(), m.getHostname(), p.getVcpu(), p.getMemoryMb(),
                    p.getDiskGb(), m.getPbxVersion(), m.getInternalIp(), m.getExtensions(), m.getLines()));
                records.finish(lease, MachineState.RUNNING, "machine " + m.getSerial() + " is running");
            }
            case START -> {
                if (!records.progress(lease, "starting", 20)) {
                    return;
                }
                driver.start(host.settings(), m.getSerial());
                records.finish(lease, MachineState.RUNNING, "started");
            }
            case STOP -> {
                if (!records.progress(lease, "stopping", 20)) {
                    return;
                }
                driver.stop(host.settings(), m.getSerial());
                records.finish(lease, MachineState.STOPPED, "stopped");
            }
            case DELETE -> {
                if (!records.progress(lease, "removing the machine from host " + m.getHost(), 20)) {
                    return;
                }
                driver.destroy(host.settings(), m.getSerial());
                records.finish(lease, MachineState.DELETED, "deleted; the record is kept for billing and audit");
            }
            case UPGRADE -> upgrade(lease, host, driver, m);
            case RESIZE -> resize(lease, host, driver, m);
        }
    }

    /**
     * Every step of the upgrade path after the machine's version, in order. Each finished step is recorded on the
     * machine at once, so a resumed job starts where the interrupted one stopped. A failed step is rolled back to
     * the snapshot taken before it (when the driver can), and the machine keeps the last version that worked. A
     * failure that may pass (a retryable driver error) is then tried again like any other: the job waits for its
     * next attempt and resumes at the failed step; any other ends the job.
     */
    private void upgrade(JobLease lease, HostConfig host, HypervisorDriver driver, MachineEntity m) throws DriverException {
        List<String> steps = store.read(em -> Allocation.upgradePath(em).stepsFrom(m.getPbxVersion()));
        boolean snapshots = driver.capabilities().contains(Capability.SNAPSHOT);
        String from = m.getPbxVersion();
        for (int i = 0; i < steps.size(); i++) {
            String to = steps.get(i);
            if (!records.progress(lease, "step " + (i + 1) + "/" + steps.size() + ": " + from + " > " + to, i * 100 / steps.size())) {
                return;
            }
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
                String failed = "step " + from + " > " + to + " failed: " + e.getMessage() + rolledBack;
                if (e.retryable()) {
                    throw new DriverException(failed, true, e);
                }
                records.fail(lease, settle(host, driver, m), failed);
                return;
            }
            String done = to;
            records.step(lease, em -> em.find(MachineEntity.class, m.getId()).setPbxVersion(done));
            from = to;
        }
        records.finish(lease, settle(host, driver, m), "upgraded to " + from + " in " + steps.size() + " step(s)");
    }

    /** Applies an approved plan change: the driver resizes, then the machine records its new plan. */
    private void resize(JobLease lease, HostConfig host, HypervisorDriver driver, MachineEntity m) throws DriverException {
        PlanChangeEntity change = store.read(em -> em.createQuery(
                "SELECT p FROM PlanChangeEntity p WHERE p.jobId = :j", PlanChangeEntity.class)
            .setParameter("j", lease.jobId()).getSingleResult());
        PlanEntity to = store.read(em -> em.find(PlanEntity.class, change.getToPlanId()));
        if (!records.progress(lease, "resizing to plan " + to.getName(), 30)) {
            return;
        }
        driver.resize(host.settings(), m.getSerial(), to.getVcpu(), to.getMemoryMb(), to.getDiskGb());
        records.step(lease, em -> em.find(MachineEntity.class, m.getId()).setPlanId(to.getId()));
        records.finish(lease, MachineState.valueOf(m.getState()), "now on plan " + to.getName());
    }

    /** Where an upgraded machine rests: as the driver finds it. */
    private static MachineState settle(HostConfig host, HypervisorDriver driver, MachineEntity m) throws DriverException {
        return driver.status(host.settings(), m.getSerial())
            .map(d -> d.state() == PowerState.RUNNING ? MachineState.RUNNING : MachineState.STOPPED)
            .orElse(MachineState.ERROR);
    }
}
