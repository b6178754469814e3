package org.mtmanager.access;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.tenant.TenantFixture.expect;

import java.time.Instant;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.machine.MachineWorld;
import org.mtmanager.store.entity.DidRouteEntity;
import org.mtmanager.store.entity.GrantEntity;
import org.mtmanager.store.entity.PortEntity;
import org.mtmanager.tenant.TenantFixture;

/**
 * Network access's step of an account's deletion: grants, forwarded ports and DID routes of the account's machines,
 * even of a deleted one, keep the account, each named in the refusal, which changes nothing; once they are gone,
 * the account goes.
 */
public class AccessAccountDeletionTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    private MachineWorld world;

    @Before
    public void services() {
        // The machine's own deletion releases nothing here, so that its leftovers are the test's to write.
        world = MachineWorld.start(f, (em, machine, by) -> () -> { }, "nothing");
        f.accounts.addDeletionStep(new AccessAccountDeletion(), "access");
    }

    @After
    public void stop() throws InterruptedException {
        world.close();
    }

    @Test
    public void everyLeftoverOfItsMachinesIsNamedUntilItIsGone() throws Exception {
        Caller reseller = f.tenantAdmin("reseller", "Orphanage", "orphan-admin", "reseller-admin");
        long draft = world.machines.saveDraft(f.admin, new MachineRequest(reseller.accountId(), "pbx-leftovers", null,
            new CustomerData("Co", "Ann", "ann@example.com", "+34 600 000 000", "Street 1", "B1"), "S", 5, 1, null)).id();
        Job created = world.machines.create(f.admin, draft, null);
        world.awaitSucceeded(created.id());
        long machine = created.machineId();
        world.awaitSucceeded(world.machines.stop(f.admin, machine, true, null).id());
        world.awaitSucceeded(world.machines.delete(f.admin, machine, true, null).id());
        f.store.writing(em -> {
            GrantEntity g = new GrantEntity();
            g.setMachineId(machine);
            g.setSource("198.51.100.0/24");
            g.setService("ssh");
            g.setProtocol("tcp");
            g.setPort(22);
            g.setState("ACTIVE");
            g.setCreatedBy("test");
            g.setCreatedAt(Instant.now());
            em.persist(g);
            PortEntity p = new PortEntity();
            p.setExternalPort(10006);
            p.setMachineId(machine);
            p.setService("ssh/tcp/22");
            p.setProtocol("tcp");
            p.setPort(22);
            p.setCreatedAt(Instant.now());
            em.persist(p);
            DidRouteEntity r = new DidRouteEntity();
            r.setPrefix("+3491");
            r.setMachineId(machine);
            r.setCreatedBy("test");
            r.setCreatedAt(Instant.now());
            r.setUpdatedAt(Instant.now());
            em.persist(r);
        });

        MtmException refused = expect(ErrorCode.CONFLICT, null, () -> f.accounts.delete(f.admin, reseller.accountId()));
        for (String named : List.of("1 access grant(s) (revoke them)", "1 forwarded external port(s)", "1 DID route(s) (delete them)")) {
            assertTrue(named + " in: " + refused.getMessage(), refused.getMessage().contains(named));
        }
        assertEquals("Orphanage", f.accounts.get(f.admin, reseller.accountId()).name());
        assertEquals(1, f.count("GrantEntity"));

        f.store.writing(em -> {
            for (String entity : List.of("GrantEntity", "PortEntity", "DidRouteEntity")) {
                em.createQuery("DELETE FROM " + entity + " e").executeUpdate();
            }
        });
        f.accounts.delete(f.admin, reseller.accountId());
        expect(ErrorCode.NOT_FOUND, null, () -> f.accounts.get(f.admin, reseller.accountId()));
    }
}
