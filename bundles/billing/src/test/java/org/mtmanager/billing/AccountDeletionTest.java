package org.mtmanager.billing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.tenant.TenantFixture.expect;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.billing.PriceListDraft;
import org.mtmanager.api.billing.Statement;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.UsageEntity;
import org.mtmanager.tenant.TenantFixture;

/**
 * An account whose usage of the open period is not billed yet is not deleted (billing's step of the account's
 * deletion, BillingAccountDeletion, refuses it); once billing has closed that period's statement, the account goes
 * with its price list, and its statement and usage stay as history.
 */
public class AccountDeletionTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    private long resellerId;

    @Before
    public void reseller() {
        resellerId = f.tenantAdmin("reseller", "Orphanage", "orphan-admin", "reseller-admin").accountId();
        f.accounts.addDeletionStep(new BillingAccountDeletion(), "billing");
    }

    @Test
    public void usageOfAnOpenPeriodKeepsTheAccountUntilItsStatementIsClosed() {
        String path = f.store.read(em -> em.find(AccountEntity.class, resellerId)).getPath();
        f.store.writing(em -> {
            // A machine that ran on the fixture's first day and is gone: its usage is all that is left.
            UsageEntity u = new UsageEntity();
            u.setMachineId(4242);
            u.setDay(20300101);
            u.setAccountId(resellerId);
            u.setAccountPath(path);
            u.setSerial("MT0000004242");
            u.setHostname("pbx-gone");
            u.setPlanId(1);
            u.setExtensions(5);
            u.setTenants(1);
            u.setLiveSeconds(86400);
            em.persist(u);
        });
        BillingServiceImpl billing = new BillingServiceImpl(f.store, f.audit, new UsageLedger(f.store, f.clock));
        billing.setPriceList(f.admin, resellerId, new PriceListDraft("EUR", "PRO_RATA", Map.of("USER", BigDecimal.ONE,
            "TENANT", BigDecimal.TEN, "APP_PER_MACHINE", BigDecimal.ONE, "APP_PER_USER", BigDecimal.ONE)));

        MtmException refused = expect(ErrorCode.CONFLICT, null, () -> f.accounts.delete(f.admin, resellerId));
        assertTrue(refused.getMessage(), refused.getMessage().contains(
            "still has usage of the open period 2030-01 not billed yet (close its statement first)"));
        assertEquals("Orphanage", f.accounts.get(f.admin, resellerId).name());

        f.clock.advance(Duration.ofDays(31));
        Statement closed = billing.close(f.admin, resellerId, "2030-01");
        assertTrue("the last month is billed", closed.total().signum() > 0);
        f.accounts.delete(f.admin, resellerId);

        expect(ErrorCode.NOT_FOUND, null, () -> f.accounts.get(f.admin, resellerId));
        assertEquals("its price list went with it", 0, f.count("PriceListEntity"));
        assertEquals("its statement and usage stay as history", 1, f.count("StatementEntity"));
        assertEquals(1, f.count("UsageEntity"));
    }
}
