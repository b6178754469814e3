package org.mtmanager.machine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;


import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.tenant.TenantFixture;

/** Step 1 of a create: licence counts, and distributors' machines prepared to the counts they ask for. */
public class MachineDraftTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    private static final CustomerData CUSTOMER = new CustomerData("Co", "Ann", "ann@example.com", "+34 600 000 000", "Street 1", "B1");
    private TestNode node;
    private JobEngine engine;
    private MachineServiceImpl machines;

    @Before
    public void services() {
        Infrastructure infra = MemoryHosts.infrastructure(new JobEngineTest.MemoryDriver());
        node = TestNode.start(f.store, infra);
        engine = node.engine;
        machines = new MachineServiceImpl(f.store, f.audit, f.plans, infra, engine);
    }

    @After
    public void stop() throws InterruptedException {
        node.stop();
    }

    @Test
    public void linesDefaultToThePlansMaximumAndStayWithinIt() {
        assertEquals(10, machines.saveDraft(f.admin, new MachineRequest(null, "pbx-a", null, CUSTOMER, "S", 5, 1, null)).lines());
        assertEquals(3, machines.saveDraft(f.admin, new MachineRequest(null, "pbx-b", null, CUSTOMER, "S", 5, 1, 3)).lines());
        TenantFixture.expect(ErrorCode.INVALID_FIELD, "lines",
            () -> machines.saveDraft(f.admin, new MachineRequest(null, "pbx-c", null, CUSTOMER, "S", 5, 1, 11)));
        TenantFixture.expect(ErrorCode.INVALID_FIELD, "lines",
            () -> machines.saveDraft(f.admin, new MachineRequest(null, "pbx-c", null, CUSTOMER, "S", 5, 1, 0)));
    }

    @Test
    public void aDistributorsMachinesArePreparedToTheCountsItAsksFor() {
        Caller distributor = f.tenantAdmin("distributor", "Dist", "dist-admin", "distributor-admin");
        long customer = f.account(distributor, distributor.accountId(), "customer", "Dist Customer").id();
        TenantFixture.expect(ErrorCode.INVALID_FIELD, "lines",
            () -> machines.saveDraft(f.admin, new MachineRequest(distributor.accountId(), "pbx-d1", null, CUSTOMER, "S", 5, 1, null)));
        TenantFixture.expect(ErrorCode.INVALID_FIELD, "extensions",
            () -> machines.saveDraft(f.admin, new MachineRequest(customer, "pbx-d2", null, CUSTOMER, "S", null, 1, 4)));
        var draft = machines.saveDraft(f.admin, new MachineRequest(customer, "pbx-d3", null, CUSTOMER, "S", 20, 1, 4));
        assertEquals(20, draft.extensions());
        assertEquals(4, draft.lines());
        assertEquals(0, f.store.read(em -> em.createQuery("SELECT COUNT(d.id) FROM MachineDraftEntity d WHERE d.hostname IN ('pbx-d1', 'pbx-d2')",
            Long.class).getSingleResult()).longValue());
    }

    @Test
    public void onlyTheAccountAboveADistributorPreparesItsMachines() {
        Caller distributor = f.tenantAdmin("distributor", "Dist", "dist-admin", "distributor-admin");
        long customer = f.account(distributor, distributor.accountId(), "customer", "Dist Customer").id();
        MtmException own = TenantFixture.expect(ErrorCode.FORBIDDEN, null, () -> machines.saveDraft(distributor,
            new MachineRequest(null, "pbx-own", null, CUSTOMER, "S", 5, 1, 4)));
        assertTrue(own.getMessage(), own.getMessage().contains("prepared for it by the platform"));
        TenantFixture.expect(ErrorCode.FORBIDDEN, null, () -> machines.saveDraft(distributor,
            new MachineRequest(customer, "pbx-cust", null, CUSTOMER, "S", 5, 1, 4)));

        // The platform's draft, which the distributor sees, is still the platform's to create.
        long draft = machines.saveDraft(f.admin, new MachineRequest(distributor.accountId(), "pbx-prepared", null, CUSTOMER,
            "S", 5, 1, 4)).id();
        assertEquals("pbx-prepared", machines.draft(distributor, draft).hostname());
        TenantFixture.expect(ErrorCode.FORBIDDEN, null, () -> machines.create(distributor, draft, null));
        assertEquals(0L, f.count("MachineEntity"));
        assertEquals(distributor.accountId(), machines.get(distributor, machines.create(f.admin, draft, null).machineId()).accountId());

        // An operator holding a distributor prepares its machines, as the platform does.
        Caller operator = f.tenantAdmin("operator", "Op", "op-admin", "operator-admin");
        long held = f.account(operator, null, "distributor", "Held").id();
        assertEquals(held, machines.saveDraft(operator, new MachineRequest(held, "pbx-held", null, CUSTOMER, "S", 5, 1, 4))
            .accountId());
    }
}
