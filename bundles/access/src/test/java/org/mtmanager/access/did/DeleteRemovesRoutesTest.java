package org.mtmanager.access.did;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.audit.AuditEntry;
import org.mtmanager.api.audit.AuditQuery;
import org.mtmanager.api.did.DidRouteDraft;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.api.machine.Machine;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.api.machine.MachineService;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.api.machine.MachineTotals;
import org.mtmanager.machine.MachineWorld;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.tenant.TenantFixture;

/**
 * A machine's DID routes go when its delete job marks it DELETED, in the same transaction, each one audited; and
 * what the machine's views say of it meanwhile (its owner, what an upgrade would do, what the totals count).
 */
public class DeleteRemovesRoutesTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    private MachineWorld world;
    private MachineService machines;
    private DidRouteServiceImpl dids;

    @Before
    public void services() {
        world = MachineWorld.start(f, new DidRelease(f.audit), "did");
        machines = world.machines;
        dids = new DidRouteServiceImpl(f.store, f.audit);
    }

    @After
    public void stop() throws InterruptedException {
        world.close();
    }

    private long running(String hostname) throws InterruptedException {
        long draft = machines.saveDraft(f.admin, new MachineRequest(null, hostname, null, new CustomerData("Co", "Ann",
            "ann@example.com", "+34 600 000 000", "Street 1", "B1"), "S", 5, 1, null)).id();
        Job job = machines.create(f.admin, draft, null);
        await(job.id());
        return job.machineId();
    }

    @Test
    public void deletingAMachineRemovesItsRoutesAndKeepsTheOthers() throws Exception {
        long gone = running("pbx-gone");
        long kept = running("pbx-kept");
        dids.create(f.admin, new DidRouteDraft("+3480", "pbx-gone", "main"));
        dids.create(f.admin, new DidRouteDraft("+34801", "pbx-gone", null));
        dids.create(f.admin, new DidRouteDraft("+348", "pbx-kept", null));

        await(machines.stop(f.admin, gone, true, null).id());
        Job delete = machines.delete(f.admin, gone, true, null);
        await(delete.id());
        assertEquals(MachineState.DELETED, machines.get(f.admin, gone).state());

        assertEquals(1, f.count("DidRouteEntity"));
        assertEquals("the shorter route of the other machine now takes the numbers", kept,
            dids.lookup(f.admin, "+34801555").route().machineId());
        List<AuditEntry> removals = f.auditService.list(f.admin, new AuditQuery("system", "did-route.delete", null, "SUCCESS",
            null, null), PageRequest.first(10)).items();
        assertEquals(2, removals.size());
        assertTrue(removals.get(0).detail(), removals.stream().allMatch(e -> e.detail().contains("pbx-gone")
            && e.detail().endsWith("(machine deleted by system)")));
        assertEquals(String.valueOf(machines.get(f.admin, gone).accountId()), String.valueOf(removals.get(0).accountId()));
        assertTrue(f.auditService.verify(f.admin).intact());
        TenantFixture.expect(ErrorCode.NOT_FOUND, "machine",
            () -> dids.create(f.admin, new DidRouteDraft("+3481", "pbx-gone", null)));
    }

    @Test
    public void theTotalsCountTheMachinesThatExistAndKeepTheDeletedOnesApart() throws Exception {
        long gone = running("pbx-gone");
        running("pbx-kept");
        await(machines.stop(f.admin, gone, true, null).id());
        await(machines.delete(f.admin, gone, true, null).id());
        MachineTotals totals = machines.totals(f.admin, null);
        assertEquals("what the machine list holds", 1, totals.machines());
        assertEquals(1, machines.list(f.admin, null, PageRequest.first(10)).total());
        assertEquals(Long.valueOf(1), totals.machinesByState().get(MachineState.DELETED));
        assertEquals(Long.valueOf(1), totals.machinesByState().get(MachineState.RUNNING));
        assertEquals(5, totals.extensions());
    }

    @Test
    public void aMachineSaysWhoOwnsItAndWhatAnUpgradeWouldDo() throws Exception {
        long id = running("pbx-view");
        Machine m = machines.get(f.admin, id);
        assertEquals(f.store.read(em -> em.find(AccountEntity.class, m.accountId()).getName()), m.accountName());
        assertEquals("created on the latest version: nothing to upgrade to", "16.2", m.pbxVersion());
        assertEquals(List.of(), m.upgradeSteps());
        f.settings.set(f.admin, "pbx.upgrade-path", "16.0 > 16.2 > 16.3 > 17.0");
        assertEquals(List.of("16.3", "17.0"), machines.get(f.admin, id).upgradeSteps());
        assertEquals(List.of("16.3", "17.0"), machines.list(f.admin, null, PageRequest.first(10)).items().get(0).upgradeSteps());
        f.settings.set(f.admin, "pbx.upgrade-path", "17.0 > 18.0");
        assertEquals("off the path, an upgrade could do nothing", List.of(), machines.get(f.admin, id).upgradeSteps());
    }

    private void await(long jobId) throws InterruptedException {
        world.awaitSucceeded(jobId);
    }
}
