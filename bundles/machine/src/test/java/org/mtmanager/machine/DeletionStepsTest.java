package org.mtmanager.machine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.machine.JobEngineTest.await;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.job.JobState;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.machine.deletion.MachineDeletion;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.tenant.TenantFixture;

/**
 * A machine's deletion never completes without a deletion step that an installed bundle declares: the engine claims
 * jobs from its start on, before DS binds its hooks (and a hook may be away later, its bundle restarting), so a
 * delete job that finds a step missing waits, leaves the machine as it is, and goes on when the step's hook arrives.
 */
public class DeletionStepsTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    private final JobEngineTest.MemoryDriver driver = new JobEngineTest.MemoryDriver();
    private TestNode node;

    @After
    public void stop() throws InterruptedException {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    public void aDeletionClaimedBeforeItsStepsHookIsBoundWaitsForItThenReleasesWhatTheMachineHeld() throws Exception {
        Infrastructure infra = MemoryHosts.infrastructure(driver);
        // As at the platform's start: the access bundle is installed (its step expected), its hook not bound yet.
        node = TestNode.start(f.store, infra, DeletionSteps.expecting(Map.of("access", "mtm-access")));
        JobEngine engine = node.engine;
        MachineServiceImpl machines = new MachineServiceImpl(f.store, f.audit, f.plans, infra, engine);
        long machine = stopped(machines, "pbx-held");

        Job delete = machines.delete(f.admin, machine, true, null);
        await(() -> state(delete.id()) == JobState.WAITING);
        JobEntity waiting = row(delete.id());
        assertEquals("waiting for the deletion step access of mtm-access (installed, not available yet); the machine is"
            + " not deleted without it", waiting.getStep());
        assertEquals(0, waiting.getAttempts());
        assertTrue("the machine was not removed from its host either", !driver.machines.isEmpty());
        assertEquals(MachineState.DELETING, machines.get(f.admin, machine).state());

        List<Long> released = new CopyOnWriteArrayList<>();
        engine.addDeletionStep((em, m, by) -> {
            released.add(m.getId());
            return () -> { };
        }, "access");
        await(() -> state(delete.id()) == JobState.SUCCEEDED);
        assertEquals("the hook released the machine's grants in the deletion's transaction", List.of(machine), released);
        assertEquals(MachineState.DELETED, machines.get(f.admin, machine).state());
        assertTrue(driver.machines.isEmpty());
    }

    @Test
    public void aDeletionThatWaitedForAStepGoesOnWhenTheBundleDeclaringItIsUninstalled() throws Exception {
        Map<String, String> installed = new ConcurrentHashMap<>(Map.of("probe", "mtm-probe"));
        AtomicReference<Runnable> changed = new AtomicReference<>();
        DeletionSteps.Expected bundles = new DeletionSteps.Expected() {
            @Override
            public Map<String, String> steps() {
                return Map.copyOf(installed);
            }

            @Override
            public void onChange(Runnable listener) {
                changed.set(listener);
            }
        };
        Infrastructure infra = MemoryHosts.infrastructure(driver);
        node = TestNode.start(f.store, infra, new DeletionSteps(bundles));
        MachineServiceImpl machines = new MachineServiceImpl(f.store, f.audit, f.plans, infra, node.engine);
        long machine = stopped(machines, "pbx-probe");

        Job delete = machines.delete(f.admin, machine, true, null);
        await(() -> state(delete.id()) == JobState.WAITING);
        assertTrue(row(delete.id()).getStep(), row(delete.id()).getStep().contains("probe of mtm-probe"));

        installed.clear();
        changed.get().run();
        await(() -> state(delete.id()) == JobState.SUCCEEDED);
        assertEquals(MachineState.DELETED, machines.get(f.admin, machine).state());
    }

    private long stopped(MachineServiceImpl machines, String hostname) throws InterruptedException {
        long draft = machines.saveDraft(f.admin, new MachineRequest(null, hostname, null, new CustomerData("Co", "Ann",
            "ann@example.com", "+34 600 000 000", "Street 1", "B1"), "S", 5, 1, null)).id();
        Job create = machines.create(f.admin, draft, null);
        await(() -> state(create.id()) == JobState.SUCCEEDED);
        Job stop = machines.stop(f.admin, create.machineId(), true, null);
        await(() -> state(stop.id()) == JobState.SUCCEEDED);
        return create.machineId();
    }

    @Test
    public void aDeletionRunsTheHooksBoundOnceEveryExpectedStepIsAmongThem() {
        DeletionSteps steps = DeletionSteps.expecting(Map.of("access", "mtm-access", "did", "mtm-did"));
        MachineDeletion access = (em, m, by) -> () -> { };
        MachineDeletion did = (em, m, by) -> () -> { };
        MachineDeletion unnamed = (em, m, by) -> () -> { };

        steps.add(unnamed, null);
        steps.add(access, "access");
        DeletionSteps.Plan partial = steps.plan();
        assertEquals("a hook that names no step stands for none", "waiting for the deletion step did of mtm-did"
            + " (installed, not available yet); the machine is not deleted without it", partial.waitingFor());
        assertEquals("nothing is run while one is missing", List.of(), partial.hooks());

        steps.add(did, "did");
        DeletionSteps.Plan whole = steps.plan();
        assertNull(whole.waitingFor());
        assertEquals(List.of(unnamed, access, did), whole.hooks());

        steps.remove(access);
        assertEquals("waiting for the deletion step access of mtm-access (installed, not available yet); the machine is"
            + " not deleted without it", steps.plan().waitingFor());
    }

    @Test
    public void withoutAnInstalledBundleThatDeclaresAStepADeletionWaitsForNone() {
        DeletionSteps steps = DeletionSteps.none();
        assertNull(steps.plan().waitingFor());
        MachineDeletion did = (em, m, by) -> () -> { };
        steps.add(did, "did");
        assertEquals(List.of(did), steps.plan().hooks());
    }

    private JobEntity row(long id) {
        return f.store.read(em -> em.find(JobEntity.class, id));
    }

    private JobState state(long id) {
        return JobState.valueOf(row(id).getState());
    }
}
