package org.mtmanager.machine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Channel;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.account.AccountDraft;
import org.mtmanager.api.audit.AuditQuery;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.job.JobState;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.api.machine.ReconciliationReport;
import org.mtmanager.api.user.UserDraft;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.cluster.DutyLeases;
import org.mtmanager.platform.cluster.LocalNode;
import org.mtmanager.spi.hypervisor.DriverMachine;
import org.mtmanager.spi.hypervisor.HostSettings;
import org.mtmanager.spi.hypervisor.HypervisorDriver;
import org.mtmanager.spi.hypervisor.PowerState;
import org.mtmanager.store.JpaStore;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.tenant.TenantFixture;

public class ReconcilerTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    private final Infrastructure infra = new Infrastructure();
    private final JobEngineTest.MemoryDriver driver = new JobEngineTest.MemoryDriver();
    private TestNode node;
    private JobEngine engine;
    private MachineServiceImpl machines;
    private Reconciler reconciler;

    @After
    public void stop() throws InterruptedException {
        node.stop();
        reconciler.stop();
    }

    private long running(String hostname) throws InterruptedException {
        long draft = machines.saveDraft(f.admin, new MachineRequest(null, hostname, null, new CustomerData("Co", "Ann",
            "ann@example.com", "+34 600 000 000", "Street 1", "B1"), "S", 5, 1, null)).id();
        Job job = machines.create(f.admin, draft, null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (f.store.read(em -> !em.find(JobEntity.class, job.id()).getState().equals(JobState.SUCCEEDED.name()))) {
            assertTrue(System.nanoTime() < deadline);
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return job.machineId();
    }

    @Test
    public void reportsThenRepairsEveryKindOfDrift() throws Exception {
        infra.addHost(new HostConfig(new HostSettings("h1", "memory", Map.of()), 32, 65536, 1000));
        infra.addDriver(driver, Map.of(HypervisorDriver.TYPE_PROPERTY, "memory"));
        node = TestNode.start(f.store, infra);
        engine = node.engine;
        machines = new MachineServiceImpl(f.store, f.audit, f.plans, infra, engine);
        reconciler = new Reconciler(f.store, infra, f.audit, f.auth, f.duties, Map.of("intervalMinutes", "0"));

        long gone = running("pbx-gone");
        long halted = running("pbx-halted");
        String goneSerial = machines.get(f.admin, gone).serial();
        String haltedSerial = machines.get(f.admin, halted).serial();
        driver.machines.remove(goneSerial);
        driver.stop(null, haltedSerial);
        driver.machines.put("MT0000000000", new DriverMachine("MT0000000000", PowerState.RUNNING, "16.2", "10.100.9.9"));

        ReconciliationReport dry = reconciler.reconcile(f.admin, false);
        assertEquals(1, dry.hostsChecked());
        assertEquals(3, dry.drifts().size());
        assertTrue(dry.drifts().stream().noneMatch(d -> d.repaired()));
        assertEquals(MachineState.RUNNING, machines.get(f.admin, gone).state());
        assertTrue(driver.machines.containsKey("MT0000000000"));

        ReconciliationReport fixed = reconciler.reconcile(f.admin, true);
        assertEquals(3, fixed.drifts().size());
        assertTrue(fixed.drifts().stream().allMatch(d -> d.repaired()));
        assertFalse("the orphan was destroyed", driver.machines.containsKey("MT0000000000"));
        assertEquals(MachineState.ERROR, machines.get(f.admin, gone).state());
        assertEquals(MachineState.STOPPED, machines.get(f.admin, halted).state());
        assertTrue(reconciler.reconcile(f.admin, true).drifts().isEmpty());
        assertTrue(f.auditService.list(f.admin, new AuditQuery(null, "machine.reconcile", null, null,
            null, null), PageRequest.first(10)).total() >= 3);
        assertEquals(haltedSerial, fixed.drifts().stream().filter(d -> d.kind().equals("STATE")).findFirst().orElseThrow().serial());
    }

    @Test
    public void onlyPlatformAdministratorsReconcileAndAbsentDriversAreSkipped() {
        infra.addHost(new HostConfig(new HostSettings("h2", "absent", Map.of()), 32, 65536, 1000));
        node = TestNode.start(f.store, infra);
        engine = node.engine;
        reconciler = new Reconciler(f.store, infra, f.audit, f.auth, f.duties, Map.of("intervalMinutes", "0"));
        ReconciliationReport r = reconciler.reconcile(f.admin, true);
        assertEquals(0, r.hostsChecked());
        assertTrue(r.hostsSkipped().get(0), r.hostsSkipped().get(0).contains("unavailable"));
        long reseller = f.accounts.create(f.admin, new AccountDraft(null, "reseller", "R", null)).id();
        f.users.create(f.admin, new UserDraft(reseller, "rec-user", TenantFixture.PASSWORD, "reseller-admin", null, null));
        try {
            reconciler.reconcile(f.auth.authenticate("rec-user", TenantFixture.PASSWORD, TenantFixture.CLIENT_IP,
                Channel.REST), true);
        } catch (MtmException e) {
            assertEquals(ErrorCode.FORBIDDEN, e.code());
            return;
        }
        throw new AssertionError("a reseller reconciled");
    }

    @Test
    public void theScheduledReconciliationRunsOnlyOnTheNodeHoldingTheDuty() throws Exception {
        infra.addHost(new HostConfig(new HostSettings("h1", "memory", Map.of()), 32, 65536, 1000));
        infra.addDriver(driver, Map.of(HypervisorDriver.TYPE_PROPERTY, "memory"));
        node = TestNode.start(f.store, infra);
        engine = node.engine;
        Map<String, Object> config = Map.of("intervalMinutes", "10", "firstDelaySeconds", "3600");
        reconciler = new Reconciler(f.store, infra, f.audit, f.auth, new DutyLeases(f.store, LocalNode.named("n1"), f.clock), config);
        JpaStore other = f.otherNode();
        Reconciler second = new Reconciler(other, infra, new AuditLog(other), f.auth,
            new DutyLeases(other, LocalNode.named("n2"), f.clock), config);
        try {
            DriverMachine stray = new DriverMachine("MT0000000000", PowerState.RUNNING, "16.2", "10.100.9.9");
            driver.machines.put("MT0000000000", stray);
            assertTrue(reconciler.tick());
            long repaired = reconciled();
            assertTrue("the holder reconciled the stray machine", repaired > 0);

            driver.machines.put("MT0000000000", stray);
            assertFalse(second.tick());
            assertEquals("the other node leaves it to the holder", repaired, reconciled());
        } finally {
            second.stop();
        }
    }

    private long reconciled() {
        return f.store.read(em -> em.createQuery("SELECT COUNT(a.seq) FROM AuditEntity a WHERE a.action = 'machine.reconcile'",
            Long.class).getSingleResult());
    }
}
