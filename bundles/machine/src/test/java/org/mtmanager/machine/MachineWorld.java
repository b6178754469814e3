package org.mtmanager.machine;

import org.mtmanager.api.job.JobState;
import org.mtmanager.api.machine.MachineService;
import org.mtmanager.machine.deletion.MachineDeletion;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.tenant.TenantFixture;

/**
 * Machines over a {@link TenantFixture}, for the tests of the domains above machines (shared in this bundle's
 * test-jar): one node's job engine over a host in memory, with the deletion steps those domains hook in. Close it
 * after each test.
 */
public final class MachineWorld implements AutoCloseable {
    private final TenantFixture f;
    private final TestNode node;
    /** The machine service, as the facades see it. */
    public final MachineService machines;

    private MachineWorld(TenantFixture f, TestNode node, MachineService machines) {
        this.f = f;
        this.node = node;
        this.machines = machines;
    }

    /** Starts a node whose deletions run {@code step}, named {@code name} (as its {@code @DeletionStep} would). */
    public static MachineWorld start(TenantFixture f, MachineDeletion step, String name) {
        Infrastructure infra = MemoryHosts.infrastructure(new JobEngineTest.MemoryDriver());
        TestNode node = TestNode.start(f.store, infra);
        node.engine.addDeletionStep(step, name);
        return new MachineWorld(f, node, new MachineServiceImpl(f.store, f.audit, f.plans, infra, node.engine));
    }

    /** Waits (20 s at most) until the job SUCCEEDED; its failure fails the test at once. */
    public void awaitSucceeded(long jobId) throws InterruptedException {
        JobEngineTest.await(() -> {
            String s = f.store.read(em -> em.find(JobEntity.class, jobId).getState());
            if (JobState.FAILED.name().equals(s)) {
                throw new AssertionError("job " + jobId + " failed");
            }
            return JobState.SUCCEEDED.name().equals(s);
        });
    }

    @Override
    public void close() throws InterruptedException {
        node.stop();
    }
}
