package org.mtmanager.core.machine;

import static org.junit.Assert.assertEquals;

import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.core.CoreFixture;
import org.mtmanager.spi.hypervisor.HostSettings;

/** Step 1 of a create: licence counts, and distributors' machines prepared to the counts they ask for. */
public class MachineDraftTest {
    @Rule
    public final CoreFixture f = new CoreFixture();

    private static final CustomerData CUSTOMER = new CustomerData("Co", "Ann", "ann@example.com", "+34 600 000 000", "Street 1", "B1");
    private JobEngine engine;
    private MachineServiceImpl machines;

    @Before
    public void services() {
        Infrastructure infra = new Infrastructure();
        infra.addHost(new HostConfig(new HostSettings("h1", "memory", Map.of()), 32, 65536, 1000));
        engine = new JobEngine(f.store, infra);
        machines = new MachineServiceImpl(f.store, f.audit, f.plans, infra, engine);
    }

    @After
    public void stop() throws InterruptedException {
        engine.stop();
    }

    @Test
    public void linesDefaultToThePlansMaximumAndStayWithinIt() {
        assertEquals(10, machines.saveDraft(f.admin, new MachineRequest(null, "pbx-a", null, CUSTOMER, "S", 5, 1, null)).lines());
        assertEquals(3, machines.saveDraft(f.admin, new MachineRequest(null, "pbx-b", null, CUSTOMER, "S", 5, 1, 3)).lines());
        CoreFixture.expect(ErrorCode.INVALID_FIELD, "lines",
            () -> machines.saveDraft(f.admin, new MachineRequest(null, "pbx-c", null, CUSTOMER, "S", 5, 1, 11)));
        CoreFixture.expect(ErrorCode.INVALID_FIELD, "lines",
            () -> machines.saveDraft(f.admin, new MachineRequest(null, "pbx-c", null, CUSTOMER, "S", 5, 1, 0)));
    }

    @Test
    public void aDistributorsMachinesArePreparedToTheCountsItAsksFor() {
        Caller distributor = f.tenantAdmin("distributor", "Dist", "dist-admin", "distributor-admin");
        long customer = f.account(distributor, distributor.accountId(), "customer", "Dist Customer").id();
        CoreFixture.expect(ErrorCode.INVALID_FIELD, "lines",
            () -> machines.saveDraft(distributor, new MachineRequest(null, "pbx-d1", null, CUSTOMER, "S", 5, 1, null)));
        CoreFixture.expect(ErrorCode.INVALID_FIELD, "extensions",
            () -> machines.saveDraft(distributor, new MachineRequest(customer, "pbx-d2", null, CUSTOMER, "S", null, 1, 4)));
        var draft = machines.saveDraft(distributor, new MachineRequest(customer, "pbx-d3", null, CUSTOMER, "S", 20, 1, 4));
        assertEquals(20, draft.extensions());
        assertEquals(4, draft.lines());
        assertEquals(0, f.store.read(em -> em.createQuery("SELECT COUNT(d.id) FROM MachineDraftEntity d WHERE d.hostname IN ('pbx-d1', 'pbx-d2')",
            Long.class).getSingleResult()).longValue());
    }
}
