package org.mtmanager.machine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.machine.JobEngineTest.await;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.account.AccountChange;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.api.machine.Machine;
import org.mtmanager.api.machine.MachineQuery;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.spi.hypervisor.HypervisorDriver;
import org.mtmanager.tenant.TenantFixture;

/**
 * A machine's view is remembered for the clients that poll it, and never shows less than what was committed: a
 * write of the machine, its account or its plan shows in the next read, and who may see it is decided at each read.
 * The same holds for the pages of the machine list.
 */
public class MachineViewCacheTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    private static final CustomerData CUSTOMER = new CustomerData("Co", "Ann", "ann@example.com", "+34 600 000 000", "Street 1", "B1");
    private final JobEngineTest.MemoryDriver driver = new JobEngineTest.MemoryDriver();
    private Infrastructure infra;
    private TestNode node;
    private MachineServiceImpl machines;
    private Caller reseller;
    private long machine;

    @Before
    public void aRunningMachineOfAReseller() throws InterruptedException {
        infra = MemoryHosts.infrastructure(driver);
        node = TestNode.start(f.store, infra);
        machines = new MachineServiceImpl(f.store, f.audit, f.plans, infra, node.engine);
        reseller = f.tenantAdmin("reseller", "Resold", "resold-admin", "reseller-admin");
        long draft = machines.saveDraft(reseller, new MachineRequest(null, "pbx-cached", null, CUSTOMER, "S", 5, 1, null)).id();
        machine = machines.create(reseller, draft, null).machineId();
        await(() -> machines.get(f.admin, machine).state() == MachineState.RUNNING);
    }

    @After
    public void stop() throws InterruptedException {
        node.stop();
    }

    @Test
    public void aChangeToTheMachineShowsInTheNextRead() {
        assertEquals(MachineState.RUNNING, machines.get(reseller, machine).state());
        machines.stop(reseller, machine, true, null);
        // The job may already have finished on the in-memory host: either state is the change, RUNNING the cache.
        MachineState now = machines.get(reseller, machine).state();
        assertTrue("read after the stop: " + now, now == MachineState.STOPPING || now == MachineState.STOPPED);
    }

    @Test
    public void aChangeToItsAccountShowsInTheNextRead() {
        assertEquals("Resold", machines.get(reseller, machine).accountName());
        f.accounts.update(f.admin, reseller.accountId(), new AccountChange("Resold Again", null));
        assertEquals("Resold Again", machines.get(reseller, machine).accountName());
    }

    @Test
    public void aViewRememberedForOneCallerIsNoneOfAnothersBusiness() {
        assertEquals("pbx-cached", machines.get(f.admin, machine).hostname());
        Caller stranger = f.tenantAdmin("reseller", "Elsewhere", "elsewhere-admin", "reseller-admin");
        TenantFixture.expect(ErrorCode.NOT_FOUND, null, () -> machines.get(stranger, machine));
        assertEquals("pbx-cached", machines.get(reseller, machine).hostname());
    }

    @Test
    public void aViewSaysWhetherTheMachinesDriverIsThereNow() {
        assertTrue(machines.get(reseller, machine).driverAvailable());
        infra.removeDriver(driver, Map.of(HypervisorDriver.TYPE_PROPERTY, "memory"));
        Machine gone = machines.get(reseller, machine);
        assertFalse(gone.driverAvailable());
        infra.addDriver(driver, Map.of(HypervisorDriver.TYPE_PROPERTY, "memory"));
        assertTrue(machines.get(reseller, machine).driverAvailable());
    }

    @Test
    public void aListShowsAChangeInTheNextRead() {
        assertEquals(MachineState.RUNNING, machines.list(reseller, MachineQuery.ALL, PageRequest.first(10)).items().get(0).state());
        CountDownLatch host = new CountDownLatch(1);
        driver.stopGate.set(host); // the stop waits for the host, so the list is read while it is STOPPING
        try {
            machines.stop(reseller, machine, true, null);
            Page<Machine> after = machines.list(reseller, MachineQuery.ALL, PageRequest.first(10));
            assertEquals(MachineState.STOPPING, after.items().get(0).state());
        } finally {
            host.countDown();
        }
        f.accounts.update(f.admin, reseller.accountId(), new AccountChange("Renamed", null));
        assertEquals("Renamed", machines.list(reseller, MachineQuery.ALL, PageRequest.first(10)).items().get(0).accountName());
    }

    @Test
    public void aListRememberedForOneCallerIsNoneOfAnothersBusiness() {
        assertEquals(1, machines.list(f.admin, MachineQuery.ALL, PageRequest.first(10)).total());
        Caller stranger = f.tenantAdmin("reseller", "Elsewhere", "elsewhere-admin", "reseller-admin");
        Page<Machine> none = machines.list(stranger, MachineQuery.ALL, PageRequest.first(10));
        assertEquals(0, none.total());
        assertTrue(none.items().isEmpty());
        assertEquals(List.of(machine), machines.list(reseller, MachineQuery.ALL, PageRequest.first(10)).items().stream()
            .map(Machine::id).toList());
    }

    @Test
    public void aListSaysWhetherTheMachinesDriverIsThereNow() {
        assertTrue(machines.list(reseller, MachineQuery.ALL, PageRequest.first(10)).items().get(0).driverAvailable());
        infra.removeDriver(driver, Map.of(HypervisorDriver.TYPE_PROPERTY, "memory"));
        assertFalse(machines.list(reseller, MachineQuery.ALL, PageRequest.first(10)).items().get(0).driverAvailable());
    }

    @Test
    public void anUnknownMachineIsNotFoundEveryTime() {
        long unknown = machine + 1000;
        TenantFixture.expect(ErrorCode.NOT_FOUND, null, () -> machines.get(f.admin, unknown));
        TenantFixture.expect(ErrorCode.NOT_FOUND, null, () -> machines.get(f.admin, unknown));
    }
}
