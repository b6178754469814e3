package org.mtmanager.machine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.tenant.TenantFixture.expect;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.account.WhitelistEntry;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.job.JobState;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.api.plan.PlanDraft;
import org.mtmanager.api.user.TokenDraft;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.store.entity.PlanChangeEntity;
import org.mtmanager.tenant.TenantFixture;
import org.mtmanager.tenant.account.AccountServiceImpl;
import org.mtmanager.tenant.security.SessionServiceImpl;
import org.mtmanager.tenant.security.TokenServiceImpl;

/**
 * An account is deleted only when nothing it owns lives on: each kind of living object of the tenant model and of
 * machines (their deletion step, MachineAccountDeletion) is named in the refusal, which changes nothing; once they
 * are gone, what only served the account goes with it and the history stays.
 */
public class DeleteAccountTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    private TestNode node;
    private JobEngine engine;
    private MachineServiceImpl machines;
    private Caller reseller;
    private long resellerId;

    @Before
    public void services() {
        Infrastructure infra = MemoryHosts.infrastructure(new JobEngineTest.MemoryDriver());
        node = TestNode.start(f.store, infra);
        engine = node.engine;
        engine.addDeletionStep(new PlanChangeRelease(f.audit, f.auth), "plan-change");
        machines = new MachineServiceImpl(f.store, f.audit, f.plans, infra, engine);
        f.accounts.addDeletionStep(new MachineAccountDeletion(), "machine");
        reseller = f.tenantAdmin("reseller", "Orphanage", "orphan-admin", "reseller-admin");
        resellerId = reseller.accountId();
    }

    @After
    public void stop() throws InterruptedException {
        node.stop();
    }

    @Test
    public void aLiveMachineKeepsItsAccountUntilItIsDeleted() throws Exception {
        long machine = running("pbx-orphan", resellerId, "S");
        long audited = f.count("AuditEntity");

        MtmException refused = expect(ErrorCode.CONFLICT, null, () -> f.accounts.delete(f.admin, resellerId));
        assertTrue(refused.getMessage(), refused.getMessage().contains("1 machine(s) not deleted"));
        assertEquals(MachineState.RUNNING, machines.get(f.admin, machine).state());
        assertEquals("Orphanage", f.accounts.get(f.admin, resellerId).name());
        assertEquals(resellerId, f.login("orphan-admin").accountId());
        assertEquals("only the refusal was added", audited + 1, f.count("AuditEntity"));

        // What only serves the account: a token, a session, a whitelist, a draft (a price list: billing's test).
        new TokenServiceImpl(f.store, f.audit, f.clock).create(reseller, new TokenDraft("script", "full", null, null));
        new SessionServiceImpl(f.store, f.audit, f.auth, f.policy, f.clock).login("orphan-admin", TenantFixture.PASSWORD, null,
            TenantFixture.CLIENT_IP, "test", Channel.PORTAL);
        f.accounts.addToWhitelist(f.admin, resellerId, new WhitelistEntry(TenantFixture.CLIENT_IP + "/32", "office"));
        machines.saveDraft(reseller, request("pbx-draft", null, "S"));
        await(machines.stop(f.admin, machine, true, null).id());
        await(machines.delete(f.admin, machine, true, null).id());
        f.accounts.delete(f.admin, resellerId);

        expect(ErrorCode.NOT_FOUND, null, () -> f.accounts.get(f.admin, resellerId));
        for (String gone : List.of("UserEntity u WHERE u.accountId", "WhitelistEntity u WHERE u.accountId",
                "MachineDraftEntity u WHERE u.accountId")) {
            assertEquals(gone, 0L, (long) f.store.read(em -> em.createQuery("SELECT COUNT(u) FROM " + gone + " = :a", Long.class)
                .setParameter("a", resellerId).getSingleResult()));
        }
        assertEquals("the account's users' tokens went with them", 0, f.count("ApiTokenEntity"));
        assertEquals("and their sessions", 0, f.count("SessionEntity"));
        // History stays: the deleted machine's row and every audit entry.
        assertEquals(MachineState.DELETED, machines.get(f.admin, machine).state());
        assertTrue(f.count("AuditEntity") > audited);
    }

    @Test
    public void everyKindOfLeftoverOfItsMachinesIsNamed() throws Exception {
        long machine = running("pbx-leftovers", resellerId, "S");
        await(machines.stop(f.admin, machine, true, null).id());
        await(machines.delete(f.admin, machine, true, null).id());
        // Rows no deletion path leaves behind today, written by hand: the rule must not depend on that.
        f.store.writing(em -> {
            PlanChangeEntity c = new PlanChangeEntity();
            c.setMachineId(machine);
            c.setAccountPath(reseller.accountPath());
            c.setState("PENDING");
            c.setRequestedBy("test");
            c.setRequestedAt(Instant.now());
            em.persist(c);
            JobEntity j = new JobEntity();
            j.setType("START");
            j.setMachineId(machine);
            j.setAccountPath(reseller.accountPath());
            j.setState(JobState.WAITING.name());
            j.setStep("waiting");
            // Not due for a year: the engine, which runs on, must leave it waiting.
            j.setNextAttemptAt(Instant.now().plus(Duration.ofDays(365)));
            j.setCreatedBy("test");
            j.setCreatedAt(Instant.now());
            j.setUpdatedAt(Instant.now());
            em.persist(j);
        });
        f.account(reseller, null, "customer", "Still here");

        MtmException refused = expect(ErrorCode.CONFLICT, null, () -> f.accounts.delete(f.admin, resellerId));
        // (Grants, ports and DID routes are network access's step: AccessAccountDeletionTest.)
        for (String named : List.of("1 account(s) below it", "1 unfinished job(s)", "1 plan change(s) waiting for a decision")) {
            assertTrue(named + " in: " + refused.getMessage(), refused.getMessage().contains(named));
        }
        assertEquals("Orphanage", f.accounts.get(f.admin, resellerId).name());
    }

    @Test
    public void withoutMachinesStepAnAccountIsNotDeletedAtAll() throws Exception {
        running("pbx-stepless", resellerId, "S");
        AccountServiceImpl stepless = new AccountServiceImpl(f.store, f.audit, f.clock);
        MtmException refused = expect(ErrorCode.CONFLICT, null, () -> f.accounts.delete(f.admin, resellerId));
        assertTrue(refused.getMessage(), refused.getMessage().contains("1 machine(s) not deleted"));
        // The same account service without machines' step lets it go: the step is what keeps it.
        stepless.delete(f.admin, resellerId);
        expect(ErrorCode.NOT_FOUND, null, () -> f.accounts.get(f.admin, resellerId));
    }

    @Test
    public void aDeletedMachinesOpenPlanChangeIsClosedWithIt() throws Exception {
        long machine = running("pbx-resize", resellerId, "S");
        long request = machines.requestPlanChange(reseller, machine, "M", "more room").id();
        await(machines.stop(f.admin, machine, true, null).id());
        await(machines.delete(f.admin, machine, true, null).id());

        PlanChangeEntity closed = f.store.read(em -> em.find(PlanChangeEntity.class, request));
        assertEquals("REJECTED", closed.getState());
        assertEquals("the machine was deleted", closed.getDecision());
        f.accounts.delete(f.admin, resellerId);
        expect(ErrorCode.NOT_FOUND, null, () -> f.accounts.get(f.admin, resellerId));
    }

    @Test
    public void anOperatorsPlanInUseKeepsTheOperator() throws Exception {
        Caller operator = f.tenantAdmin("operator", "Op", "op-admin", "operator-admin");
        f.plans.create(operator, new PlanDraft("OpGold", 1, 1, 512, 5, 50, 5, 10));
        long other = f.account(f.admin, null, "reseller", "Elsewhere").id();
        long machine = running("pbx-gold", other, "OpGold");

        MtmException refused = expect(ErrorCode.CONFLICT, null, () -> f.accounts.delete(f.admin, operator.accountId()));
        assertTrue(refused.getMessage(), refused.getMessage().contains("1 live machine(s) elsewhere on its resource plans"));

        await(machines.stop(f.admin, machine, true, null).id());
        await(machines.delete(f.admin, machine, true, null).id());
        f.accounts.delete(f.admin, operator.accountId());
        assertEquals("its plans went with it", 0L, (long) f.store.read(em -> em.createQuery(
            "SELECT COUNT(p) FROM PlanEntity p WHERE p.ownerAccountId = :o", Long.class)
            .setParameter("o", operator.accountId()).getSingleResult()));
    }

    private static MachineRequest request(String hostname, Long accountId, String plan) {
        return new MachineRequest(accountId, hostname, null, new CustomerData("Co", "Ann", "ann@example.com",
            "+34 600 000 000", "Street 1", "B1"), plan, 5, 1, null);
    }

    private long running(String hostname, long accountId, String plan) throws InterruptedException {
        long draft = machines.saveDraft(f.admin, request(hostname, accountId, plan)).id();
        Job job = machines.create(f.admin, draft, null);
        await(job.id());
        return job.machineId();
    }

    private void await(long jobId) throws InterruptedException {
        JobEngineTest.await(() -> {
            JobEntity row = f.store.read(em -> em.find(JobEntity.class, jobId));
            if (row.getState().equals(JobState.FAILED.name())) {
                throw new AssertionError("job " + jobId + " failed: " + row.getError());
            }
            return row.getState().equals(JobState.SUCCEEDED.name());
        });
    }
}
