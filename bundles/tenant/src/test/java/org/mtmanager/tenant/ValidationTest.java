package org.mtmanager.tenant;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.tenant.TenantFixture.expect;

import java.time.Instant;
import java.util.List;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.account.AccountChange;
import org.mtmanager.api.account.AccountDraft;
import org.mtmanager.api.account.AccountQuery;
import org.mtmanager.api.account.WhitelistEntry;
import org.mtmanager.api.audit.AuditQuery;
import org.mtmanager.api.plan.PlanDraft;
import org.mtmanager.api.user.UserDraft;

/** Bad input is refused with the right code and field, and leaves nothing behind. */
public class ValidationTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    private Caller reseller;

    @Before
    public void reseller() {
        reseller = f.tenantAdmin("reseller", "Alpha", "alpha-admin", "reseller-admin");
    }

    private long accountTotal() {
        return f.accounts.list(f.admin, AccountQuery.ALL, PageRequest.first(100)).total();
    }

    @Test
    public void emptyAccountNameIsRefused() {
        long before = accountTotal();
        expect(ErrorCode.INVALID_FIELD, "name", () -> f.account(reseller, null, "customer", ""));
        expect(ErrorCode.INVALID_FIELD, "name", () -> f.account(reseller, null, "customer", "   "));
        expect(ErrorCode.INVALID_FIELD, "name", () -> f.account(reseller, null, "customer", null));
        expect(ErrorCode.INVALID_FIELD, "name", () -> f.account(reseller, null, "customer", "tab\there"));
        assertEquals(before, accountTotal());
    }

    /**
     * Regression test. AuditLog.attempt records a refused draft's name as the entry's targetId, a VARCHAR(100)
     * column; as committed (AuditLog.append did not shorten it), any name over 100 characters made the audit insert
     * fail with a Derby truncation error, so the caller got an OpenJPA PersistenceException carrying SQL instead of
     * INVALID_FIELD "name", and the refusal went unaudited.
     */
    @Test
    public void hugeAccountNameIsAnInvalidField() {
        long before = accountTotal();
        long auditBefore = f.count("AuditEntity");
        String huge = "n".repeat(10_000);
        Throwable t = assertThrows(Throwable.class, () -> f.account(reseller, null, "customer", huge));
        assertEquals("nothing may be stored", before, accountTotal());
        assertTrue("expected MtmException INVALID_FIELD name, got " + t, t instanceof MtmException);
        assertEquals(ErrorCode.INVALID_FIELD, ((MtmException) t).code());
        assertEquals("name", ((MtmException) t).field());
        assertEquals("the refusal is audited", auditBefore + 1, f.count("AuditEntity"));
    }

    @Test
    public void hugeNameOnUpdateIsAnInvalidField() {
        long id = f.account(reseller, null, "customer", "C").id();
        expect(ErrorCode.INVALID_FIELD, "name", () -> f.accounts.update(reseller, id, new AccountChange("n".repeat(10_000), null)));
        expect(ErrorCode.INVALID_FIELD, "name", () -> f.accounts.update(reseller, id, new AccountChange(" ", null)));
        assertEquals("C", f.accounts.get(reseller, id).name());
    }

    @Test
    public void invalidEmailIsRefused() {
        long before = accountTotal();
        for (String bad : List.of("not-an-email", "a@b", "two@@example.com", "sp ace@example.com")) {
            expect(ErrorCode.INVALID_FIELD, "contactEmail",
                () -> f.accounts.create(reseller, new AccountDraft(null, "customer", "C", bad)));
        }
        assertEquals(before, accountTotal());
        long users = f.count("UserEntity");
        expect(ErrorCode.INVALID_FIELD, "email", () -> f.users.create(reseller,
            new UserDraft(null, "bob", TenantFixture.PASSWORD, "viewer", null, "bob@")));
        assertEquals(users, f.count("UserEntity"));
        assertEquals("ops@example.com",
            f.accounts.create(reseller, new AccountDraft(null, "customer", "C", " ops@example.com ")).contactEmail());
    }

    @Test
    public void invalidCidrIsRefused() {
        long id = f.account(reseller, null, "customer", "C").id();
        for (String bad : List.of("10.0.0.300/8", "abc", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/-1", "host.example.com")) {
            expect(ErrorCode.INVALID_FIELD, "cidr", () -> f.accounts.addToWhitelist(reseller, id, new WhitelistEntry(bad, null)));
        }
        expect(ErrorCode.INVALID_FIELD, "entries[1].cidr", () -> f.accounts.replaceWhitelist(reseller, id,
            List.of(new WhitelistEntry("192.0.2.0/24", null), new WhitelistEntry("10.0.0.300/8", null))));
        assertEquals(List.of(), f.accounts.whitelist(reseller, id));
        assertEquals(0, f.count("WhitelistEntity"));
    }

    @Test
    public void negativeOrZeroPlanValuesAreRefused() {
        long before = f.plans.list(f.admin).size();
        expect(ErrorCode.INVALID_FIELD, "vcpu", () -> f.plans.create(f.admin, new PlanDraft("XL", 5, -1, 16384, 160, 600, 20, 120)));
        expect(ErrorCode.INVALID_FIELD, "memoryMb", () -> f.plans.create(f.admin, new PlanDraft("XL", 5, 8, -16384, 160, 600, 20, 120)));
        expect(ErrorCode.INVALID_FIELD, "diskGb", () -> f.plans.create(f.admin, new PlanDraft("XL", 5, 8, 16384, 0, 600, 20, 120)));
        expect(ErrorCode.INVALID_FIELD, "maxTenants", () -> f.plans.create(f.admin, new PlanDraft("XL", 5, 8, 16384, 160, 600, -20, 120)));
        expect(ErrorCode.INVALID_FIELD, "tier", () -> f.plans.create(f.admin, new PlanDraft("XL", -5, 8, 16384, 160, 600, 20, 120)));
        expect(ErrorCode.INVALID_FIELD, "maxConcurrentCalls", () -> f.plans.create(f.admin, new PlanDraft("XL", 5, 8, 16384, 160, 600, 20, null)));
        long planId = f.plans.find(f.admin, "L").id();
        expect(ErrorCode.INVALID_FIELD, "maxExtensions", () -> f.plans.update(f.admin, planId, new PlanDraft(null, null, null, null, null, -300, null, null)));
        assertEquals(before, f.plans.list(f.admin).size());
        assertEquals(300, f.plans.get(f.admin, planId).maxExtensions());
    }

    @Test
    public void unknownSettingKeyIsNotFound() {
        int before = f.settings.list(f.admin).size();
        expect(ErrorCode.NOT_FOUND, "key", () -> f.settings.set(f.admin, "no.such-setting", "1"));
        expect(ErrorCode.NOT_FOUND, "key", () -> f.settings.get(f.admin, "no.such-setting"));
        expect(ErrorCode.INVALID_FIELD, "key", () -> f.settings.set(f.admin, " ", "1"));
        assertEquals(before, f.settings.list(f.admin).size());
        assertEquals(before, f.count("SettingEntity"));
    }

    @Test
    public void textXmlCannotCarryIsRefusedInNamesAndWhitelistDescriptions() {
        long id = f.account(reseller, null, "customer", "C").id();
        expect(ErrorCode.INVALID_FIELD, "name", () -> f.accounts.update(reseller, id, new AccountChange("Evil\uffffName", null)));
        expect(ErrorCode.INVALID_FIELD, "name", () -> f.accounts.update(reseller, id, new AccountChange("Fz\ud800x", null)));
        expect(ErrorCode.INVALID_FIELD, "name", () -> f.account(reseller, null, "customer", "New\ufffe"));
        expect(ErrorCode.INVALID_FIELD, "description",
            () -> f.accounts.addToWhitelist(reseller, id, new WhitelistEntry("192.0.2.0/24", "office\uffff")));
        assertEquals("C", f.accounts.get(reseller, id).name());
        assertEquals(0, f.count("WhitelistEntity"));
    }

    @Test
    public void ambiguousAddressesAreRefusedInAWhitelist() {
        long id = f.account(reseller, null, "customer", "C").id();
        for (String bad : List.of("01.02.03.04", "fe80::1%eth0")) {
            expect(ErrorCode.INVALID_FIELD, "cidr", () -> f.accounts.addToWhitelist(reseller, id, new WhitelistEntry(bad, null)));
        }
        assertEquals(0, f.count("WhitelistEntity"));
    }

    @Test
    public void auditDatesOutsideTheStorableRangeAreInvalidFields() {
        Instant far = Instant.parse("+100000-01-01T00:00:00Z");
        expect(ErrorCode.INVALID_FIELD, "from", () -> f.auditService.list(f.admin,
            new AuditQuery(null, null, null, null, far, null), PageRequest.first(10)));
        expect(ErrorCode.INVALID_FIELD, "to", () -> f.auditService.exportCsv(f.admin,
            new AuditQuery(null, null, null, null, null, far)));
    }

    @Test
    public void auditOfAnAccountOutsideTheSubtreeIsNotFoundLikeADirectRead() {
        Caller other = f.tenantAdmin("reseller", "Beta", "beta-admin", "reseller-admin");
        long mine = f.account(reseller, null, "customer", "Mine").id();
        expect(ErrorCode.NOT_FOUND, null, () -> f.auditService.list(other,
            new AuditQuery(null, null, mine, null, null, null), PageRequest.first(10)));
        expect(ErrorCode.NOT_FOUND, null, () -> f.auditService.exportCsv(other, new AuditQuery(null, null, mine, null, null, null)));
        expect(ErrorCode.NOT_FOUND, null, () -> f.auditService.list(reseller,
            new AuditQuery(null, null, 999_999L, null, null, null), PageRequest.first(10)));
        assertTrue(f.auditService.list(reseller, new AuditQuery(null, null, mine, null, null, null), PageRequest.first(10)).total() > 0);
        // a deleted account keeps its history, and its id stays a valid filter for whoever saw it
        f.accounts.delete(reseller, mine);
        assertTrue(f.auditService.list(reseller, new AuditQuery(null, null, mine, null, null, null), PageRequest.first(10)).total() > 0);
        expect(ErrorCode.NOT_FOUND, null, () -> f.auditService.list(other,
            new AuditQuery(null, null, mine, null, null, null), PageRequest.first(10)));
    }
}
