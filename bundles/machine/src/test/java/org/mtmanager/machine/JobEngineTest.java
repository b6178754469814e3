package org.mtmanager.machine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.host.Host;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.job.JobState;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.spi.hypervisor.Capability;
import org.mtmanager.spi.hypervisor.DriverException;
import org.mtmanager.spi.hypervisor.DriverMachine;
import org.mtmanager.spi.hypervisor.HostSettings;
import org.mtmanager.spi.hypervisor.HypervisorDriver;
import org.mtmanager.spi.hypervisor.MachineSpec;
import org.mtmanager.spi.hypervisor.PowerState;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.tenant.TenantFixture;

/**
 * Jobs are rows first: they wait for a missing driver, run when it arrives, and a job interrupted by a crash is
 * finished by the next engine. The driver here is an in-memory stand-in; the real drivers have their own tests.
 */
public class JobEngineTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    private final Infrastructure infra = new Infrastructure();
    private TestNode node;
    private JobEngine engine;
    private MachineServiceImpl machines;

    /** A driver that keeps machines in a map; each create first throws the next of {@link #createFailures}, if any. */
    static final class MemoryDriver implements HypervisorDriver {
        final Map<String, DriverMachine> machines = new ConcurrentHashMap<>();
        final Queue<Throwable> createFailures = new ConcurrentLinkedQueue<>();
        final Map<String, DriverMachine> snapshots = new ConcurrentHashMap<>();
        volatile String failOn;
        /** What the next upgrade steps throw after half-applying, one each, before failOn is looked at. */
        final Queue<DriverException> upgradeFailures = new ConcurrentLinkedQueue<>();
        final Map<String, Integer> resized = new ConcurrentHashMap<>();
        /** Creates begun, and the gate that the next create waits at (once), if any. */
        final AtomicInteger creates = new AtomicInteger();
        final AtomicReference<CountDownLatch> createGate = new AtomicReference<>();
        /** The gate that the next stop waits at (once), if any: holds a machine in STOPPING for a test to read. */
        final AtomicReference<CountDownLatch> stopGate = new AtomicReference<>();

        @Override
        public String type() {
            return "memory";
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.SNAPSHOT);
        }

        @Override
        public DriverMachine create(HostSettings host, MachineSpec spec) throws DriverException {
            creates.incrementAndGet();
            CountDownLatch gate = createGate.getAndSet(null);
            if (gate != null) {
                passUninterruptibly(gate);
            }
            Throwable failure = createFailures.poll();
            if (failure instanceof DriverException e) {
                throw e;
            } else if (failure instanceof RuntimeException e) {
                throw e;
            } else if (failure instanceof Error e) {
                throw e;
            }
            return machines.computeIfAbsent(spec.machineId(),
                id -> new DriverMachine(id, PowerState.RUNNING, spec.pbxVersion(), spec.internalIp()));
        }

        /** As a driver's call that does not heed interrupts: it ends when the host answers, still interrupted. */
        private static void passUninterruptibly(CountDownLatch gate) {
            boolean interrupted = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (gate.getCount() > 0 && System.nanoTime() < deadline) {
                try {
                    gate.await(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void start(HostSettings host, String id) {
            machines.computeIfPresent(id, (k, m) -> new DriverMachine(k, PowerState.RUNNING, m.pbxVersion(), m.internalIp()));
        }

        @Override
        public void stop(HostSettings host, String id) {
            CountDownLatch gate = stopGate.getAndSet(null);
            if (gate != null) {
                passUninterruptibly(gate);
            }
            machines.computeIfPresent(id, (k, m) -> new DriverMachine(k, PowerState.STOPPED, m.pbxVersion(), m.internalIp()));
        }

        @Override
        public void destroy(HostSettings host, String id) {
            machines.remove(id);
        }

        @Override
        public void upgrade(HostSettings host, String id, String version) throws DriverException {
            // Half-applies the step before failing, as a real upgrade might.
            machines.computeIfPresent(id, (k, m) -> new DriverMachine(k, PowerState.CRASHED, version, m.internalIp()));
            DriverException failure = upgradeFailures.poll();
            if (failure != null) {
                throw failure;
            }
            if (version.equals(failOn)) {
                throw new DriverException("the " + version + " installer failed", false);
            }
            machines.computeIfPresent(id, (k, m) -> new DriverMachine(k, PowerState.RUNNING, version, m.internalIp()));
        }

        @Override
        public void resize(HostSettings host, String id, int vcpu, int memoryMb, int diskGb) {
            resized.put(id, memoryMb);
        }

        @Override
        public void snapshot(HostSettings host, String id, String name) {
            snapshots.put(id + "/" + name, machines.get(id));
        }

        @Override
        public void restore(HostSettings host, String id, String name) {
            machines.put(id, snapshots.get(id + "/" + name));
        }

        @Override
        public Optional<DriverMachine> status(HostSettings host, String id) {
            return Optional.ofNullable(machines.get(id));
        }

        @Override
        public List<DriverMachine> inventory(HostSettings host) {
            return List.copyOf(machines.values());
        }
    }

    private void start() {
        infra.addHost(new HostConfig(new HostSettings("h1", "memory", Map.of()), 32, 65536, 1000));
        node = TestNode.start(f.store, infra);
        engine = node.engine;
        machines = new MachineServiceImpl(f.store, f.audit, f.plans, infra, engine);
    }

    @After
    public void stop() throws InterruptedException {
        if (node != null) {
            node.stop();
        }
    }

    private Job create(String hostname) {
        long draft = machines.saveDraft(f.admin, new MachineRequest(null, hostname, null, new CustomerData("Co", "Ann",
            "ann@example.com", "+34 600 000 000", "Street 1", "B1"), "S", 5, 1, null)).id();
        return machines.create(f.admin, draft, null);
    }

    @Test
    public void aJobWaitsForItsDriverAndRunsWhenItArrives() throws Exception {
        start();
        MemoryDriver driver = new MemoryDriver();
        infra.addDriver(driver, Map.of(HypervisorDriver.TYPE_PROPERTY, "memory"));
        infra.removeDriver(driver, Map.of(HypervisorDriver.TYPE_PROPERTY, "memory"));
        // Placement needs the driver present; with it gone, a host has no room to offer.
        try {
            create("pbx-early");
        } catch (MtmException e) {
            assertEquals(ErrorCode.CONFLICT, e.code());
        }
        infra.addDriver(driver, Map.of(HypervisorDriver.TYPE_PROPERTY, "memory"));
        Job job = create("pbx-one");
        infra.removeDriver(driver, Map.of(HypervisorDriver.TYPE_PROPERTY, "memory"));
        await(() -> jobState(job.id()) == JobState.WAITING || jobState(job.id()) == JobState.SUCCEEDED);
        if (jobState(job.id()) == JobState.WAITING) {
            assertEquals(MachineState.CREATING, machines.get(f.admin, job.machineId()).state());
            assertTrue(!machines.get(f.admin, job.machineId()).driverAvailable());
            infra.addDriver(driver, Map.of(HypervisorDriver.TYPE_PROPERTY, "memory"));
        }
        await(() -> jobState(job.id()) == JobState.SUCCEEDED);
        assertEquals(MachineState.RUNNING, machines.get(f.admin, job.machineId()).state());
        assertEquals(1, driver.machines.size());
    }

    @Test
    public void machinesTakeAddressesFromTheirHostsNetworkAndHostsTellWhyTheyCannotTakeMore() throws Exception {
        start();
        infra.addHost(new HostConfig(new HostSettings("h2", "memory", Map.of("network", "10.123.0.0/28")), 64, 262144, 1000));
        infra.addHost(new HostConfig(new HostSettings("h3", "absent", Map.of()), 64, 262144, 1000));
        infra.addDriver(new MemoryDriver(), Map.of(HypervisorDriver.TYPE_PROPERTY, "memory"));
        Job a = create("pbx-net-a");
        Job b = create("pbx-net-b");
        assertEquals("10.123.0.10", machines.get(f.admin, a.machineId()).internalIp());
        assertEquals("10.123.0.11", machines.get(f.admin, b.machineId()).internalIp());
        HostServiceImpl hosts = new HostServiceImpl(f.store, infra);
        List<Host> all = hosts.list(f.admin);
        assertEquals(List.of("h1", "h2", "h3"), all.stream().map(Host::name).toList());
        assertEquals(2, all.get(1).machines());
        assertEquals("10.123.0.0/28", all.get(1).network());
        assertEquals(List.of("driver 'absent' is not deployed (install the feature mtm-hypervisor-absent, or drop its bundle into deploy/)"),
            all.get(2).problems());
        assertTrue(all.get(0).usable());
        Caller reseller = f.tenantAdmin("reseller", "Resells", "res", "reseller-admin");
        TenantFixture.expect(ErrorCode.FORBIDDEN, null, () -> hosts.list(reseller));
    }

    @Test
    public void aHostProblemQuotingWhatTheHostPrintedIsTextThatXmlCarries() {
        HypervisorDriver quoting = (HypervisorDriver) Proxy.newProxyInstance(HypervisorDriver.class.getClassLoader(),
            new Class<?>[] {HypervisorDriver.class}, (proxy, method, args) -> switch (method.getName()) {
                case "type" -> "quoting";
                case "problems" -> List.of("the host said: \u001b[31mdisk full\u0000");
                default -> throw new UnsupportedOperationException(method.getName());
            });
        infra.addDriver(quoting, Map.of(HypervisorDriver.TYPE_PROPERTY, "quoting"));
        assertEquals(List.of("the host said:  [31mdisk full "),
            infra.problems(new HostConfig(new HostSettings("q1", "quoting", Map.of()), 1, 1024, 10)));
    }

    @Test
    public void anInterruptedJobIsFinishedByTheNextEngine() throws Exception {
        start();
        MemoryDriver driver = new MemoryDriver();
        infra.addDriver(driver, Map.of(HypervisorDriver.TYPE_PROPERTY, "memory"));
        Job job = create("pbx-crash");
        await(() -> jobState(job.id()) == JobState.SUCCEEDED);
        // Simulate a crash in the middle of a stop: the machine and its job are left as a dying process leaves them.
        machines.stop(f.admin, job.machineId(), true, null);
        node.stop();
        long stopJob = f.store.read(em -> em.createQuery("SELECT MAX(j.id) FROM JobEntity j", Long.class).getSingleResult());
        f.store.writing(em -> {
            JobEntity j = em.find(JobEntity.class, stopJob);
            j.setState(JobState.RUNNING.name());
            j.setStep("stopping");
            em.find(MachineEntity.class, job.machineId()).setState(MachineState.STOPPING.name());
        });
        node = TestNode.start(f.store, infra);
        engine = node.engine;
        await(() -> jobState(stopJob) == JobState.SUCCEEDED);
        assertEquals(MachineState.STOPPED, new MachineServiceImpl(f.store, f.audit, f.plans, infra, engine)
            .get(f.admin, job.machineId()).state());
        assertEquals(PowerState.STOPPED, driver.machines.values().iterator().next().state());
    }

    @Test
    public void aFailedUpgradeStepIsRolledBackAndTheEarlierStepsStay() throws Exception {
        start();
        MemoryDriver driver = new MemoryDriver();
        infra.addDriver(driver, Map.of(HypervisorDriver.TYPE_PROPERTY, "memory"));
        f.settings.set(f.admin, "pbx.upgrade-path", "15.0");
        Job created = create("pbx-upgrade");
        await(() -> jobState(created.id()) == JobState.SUCCEEDED);
        f.settings.set(f.admin, "pbx.upgrade-path", "15.0 > 15.3 > 16.0 > 16.2");
        driver.failOn = "16.0";
        Job upgrade = machines.upgrade(f.admin, created.machineId(), null);
        await(() -> jobState(upgrade.id()) == JobState.FAILED);
        String error = f.store.read(em -> em.find(JobEntity.class, upgrade.id()).getError());
        assertTrue(error, error.contains("15.3 > 16.0") && error.contains("rolled back to 15.3"));
        assertEquals("15.3", machines.get(f.admin, created.machineId()).pbxVersion());
        assertEquals(MachineState.RUNNING, machines.get(f.admin, created.machineId()).state());
        assertEquals(PowerState.RUNNING, driver.machines.values().iterator().next().state());
        assertEquals("15.3", driver.machines.values().iterator().next().pbxVersion());

        driver.failOn = null;
        Job retry = machines.upgrade(f.admin, created.machineId(), null);
        await(() -> jobState(retry.id()) == JobState.SUCCEEDED);
        assertEquals("16.2", machines.get(f.admin, created.machineId()).pbxVersion());
    }

    @Test
    public void planChangesWaitForThePlatformAdministratorAndFilterByState() throws Exception {
        start();
        MemoryDriver driver = new MemoryDriver();
        infra.addDriver(driver, Map.of(HypervisorDriver.TYPE_PROPERTY, "memory"));
        Job created = create("pbx-resize");
        await(() -> jobState(created.id()) == JobState.SUCCEEDED);
        var request = machines.requestPlanChange(f.admin, created.machineId(), "M", "growth");
        assertEquals("PENDING", request.state());
        assertEquals(1, machines.planChanges(f.admin, "pending").size());
        assertEquals(0, machines.planChanges(f.admin, "APPROVED").size());
        try {
            machines.planChanges(f.admin, "LATER");
        } catch (MtmException e) {
            assertEquals("state", e.field());
        }
        var approved = machines.decidePlanChange(f.admin, request.id(), true, "ok");
        await(() -> jobState(approved.jobId()) == JobState.SUCCEEDED);
        assertEquals("M", machines.get(f.admin, created.machineId()).planName());
        assertEquals(4096, (int) driver.resized.get(machines.get(f.admin, created.machineId()).serial()));
        assertEquals(1, machines.planChanges(f.admin, "APPROVED").size());
        assertEquals(0, machines.planChanges(f.admin, "PENDING").size());
    }

    private JobState jobState(long id) {
        return f.store.read(em -> JobState.valueOf(em.find(JobEntity.class, id).getState()));
    }

    static void await(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 20 s");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
