package org.mtmanager.tenant.account;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.tenant.TenantFixture.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.tenant.TenantFixture;
import org.mtmanager.tenant.deletion.AccountDeletion;

/**
 * An account's deletion runs every domain's step: while a step that an installed bundle declares is not there, the
 * deletion is refused, naming it; what a step says still lives refuses it too; otherwise each step releases its part
 * in the deletion's transaction, before the account's own rows go.
 */
public class AccountDeletionStepsTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    private AccountServiceImpl accounts;
    private long resellerId;

    /** A domain's step, as a unit test's stand-in: what it says lives, and the accounts it released. */
    private static final class Step implements AccountDeletion {
        final List<String> living = new ArrayList<>();
        final List<Long> released = new ArrayList<>();

        @Override
        public List<String> living(EntityManager em, AccountEntity account) {
            return List.copyOf(living);
        }

        @Override
        public void release(EntityManager em, AccountEntity account) {
            released.add(account.getId());
        }
    }

    private long users() {
        return f.store.read(em -> em.createQuery("SELECT COUNT(u) FROM UserEntity u WHERE u.accountId = :a", Long.class)
            .setParameter("a", resellerId).getSingleResult());
    }

    @Before
    public void services() {
        accounts = new AccountServiceImpl(f.store, f.audit, f.clock, AccountDeletionSteps.expecting(Map.of("billing", "mtm-billing")));
        resellerId = f.tenantAdmin("reseller", "Orphanage", "orphan-admin", "reseller-admin").accountId();
    }

    @Test
    public void aMissingStepRefusesTheDeletionAndNamesIt() {
        MtmException refused = expect(ErrorCode.CONFLICT, null, () -> accounts.delete(f.admin, resellerId));
        assertTrue(refused.getMessage(), refused.getMessage().contains(
            "cannot be deleted now: the deletion step billing of mtm-billing is installed but not available yet"));
        assertEquals("Orphanage", accounts.get(f.admin, resellerId).name());

        Step billing = new Step();
        accounts.addDeletionStep(billing, "billing");
        accounts.unbindDeletionStep(billing);
        expect(ErrorCode.CONFLICT, null, () -> accounts.delete(f.admin, resellerId));
        assertEquals("a step that went is missing again", List.of(), billing.released);
    }

    @Test
    public void whatAStepSaysStillLivesKeepsTheAccountAndWhatItReleasesGoesWithIt() {
        Step billing = new Step();
        billing.living.add("usage of the open period 2030-01 not billed yet (close its statement first)");
        accounts.addDeletionStep(billing, "billing");
        Step unnamed = new Step();
        accounts.addDeletionStep(unnamed, null);

        MtmException refused = expect(ErrorCode.CONFLICT, null, () -> accounts.delete(f.admin, resellerId));
        assertEquals("account " + resellerId + " ('Orphanage') still has usage of the open period 2030-01 not billed yet"
            + " (close its statement first)", refused.getMessage());
        assertEquals(List.of(), billing.released);
        assertEquals(1L, users());

        billing.living.clear();
        accounts.delete(f.admin, resellerId);
        expect(ErrorCode.NOT_FOUND, null, () -> accounts.get(f.admin, resellerId));
        assertEquals(List.of(resellerId), billing.released);
        assertEquals("a step without a name is run too", List.of(resellerId), unnamed.released);
        assertEquals("the tenant model's own rows went with it", 0L, users());
    }

    @Test
    public void aRefusalNamesWhatLivesInTheOrderOfTheStepsNamesWhateverOrderTheyCameIn() {
        Step machine = new Step();
        machine.living.add("1 machine(s) not deleted (stop and delete them first)");
        Step access = new Step();
        access.living.add("1 access grant(s) (revoke them)");
        Step billing = new Step();
        accounts.addDeletionStep(machine, "machine");
        accounts.addDeletionStep(billing, "billing");
        accounts.addDeletionStep(access, "access");

        MtmException refused = expect(ErrorCode.CONFLICT, null, () -> accounts.delete(f.admin, resellerId));
        assertEquals("account " + resellerId + " ('Orphanage') still has 1 access grant(s) (revoke them),"
            + " 1 machine(s) not deleted (stop and delete them first)", refused.getMessage());
    }
}
