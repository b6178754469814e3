package org.mtmanager.tenant.account;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.tenant.TenantFixture.expect;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.account.Account;
import org.mtmanager.api.account.AccountChange;
import org.mtmanager.api.account.AccountQuery;
import org.mtmanager.api.account.AccountType;
import org.mtmanager.tenant.TenantFixture;

/** Tree scoping: each reseller sees and manages only its own subtree; the tree's structural rules. */
public class AccountTreeTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    private Caller alpha;
    private Caller beta;

    @Before
    public void twoResellers() {
        alpha = f.tenantAdmin("reseller", "Alpha", "alpha-admin", "reseller-admin");
        beta = f.tenantAdmin("reseller", "Beta", "beta-admin", "reseller-admin");
    }

    @Test
    public void resellerAdminCreatesCustomerUnderItsOwnAccount() {
        Account c = f.account(alpha, null, "customer", "Alpha Customer 1");
        assertEquals(alpha.accountId(), c.parentId());
        assertEquals(AccountType.CUSTOMER, c.type());
        assertEquals("Alpha Customer 1", f.accounts.get(alpha, c.id()).name());
    }

    @Test
    public void foreignCustomerLooksMissingToAnotherReseller() {
        long id = f.account(alpha, null, "customer", "Alpha Customer 1").id();
        Account c = f.accounts.get(alpha, id);
        expect(ErrorCode.NOT_FOUND, null, () -> f.accounts.get(beta, c.id()));
        expect(ErrorCode.NOT_FOUND, null, () -> f.accounts.update(beta, c.id(), new AccountChange("Stolen", null)));
        expect(ErrorCode.NOT_FOUND, null, () -> f.accounts.delete(beta, c.id()));
        expect(ErrorCode.NOT_FOUND, null, () -> f.accounts.suspend(beta, c.id()));
        expect(ErrorCode.NOT_FOUND, null, () -> f.accounts.find(beta, "Alpha Customer 1"));
        // The same refusal as for an id that does not exist at all.
        expect(ErrorCode.NOT_FOUND, null, () -> f.accounts.get(beta, 987_654L));
        // Nothing happened to the customer.
        assertEquals(c, f.accounts.get(alpha, c.id()));
    }

    @Test
    public void resellerCannotCreateUnderAnotherResellersAccount() {
        Account c = f.account(alpha, null, "customer", "Alpha Customer 1");
        expect(ErrorCode.NOT_FOUND, null, () -> f.account(beta, alpha.accountId(), "customer", "Intruder"));
        expect(ErrorCode.NOT_FOUND, null, () -> f.accounts.list(beta, new AccountQuery(alpha.accountId(), null, null),
            PageRequest.first(10)));
        assertEquals(Set.of(alpha.accountId(), c.id()), ids(f.accounts.list(alpha, AccountQuery.ALL, PageRequest.first(50))));
    }

    @Test
    public void listShowsOnlyTheOwnSubtreeWithCorrectTotals() {
        Account a1 = f.account(alpha, null, "customer", "A1");
        Account a2 = f.account(alpha, null, "customer", "A2");
        Account b1 = f.account(beta, null, "customer", "B1");

        Page<Account> alphaPage = f.accounts.list(alpha, AccountQuery.ALL, PageRequest.first(50));
        assertEquals(3, alphaPage.total());
        assertEquals(Set.of(alpha.accountId(), a1.id(), a2.id()), ids(alphaPage));

        Page<Account> betaPage = f.accounts.list(beta, AccountQuery.ALL, PageRequest.first(50));
        assertEquals(2, betaPage.total());
        assertEquals(Set.of(beta.accountId(), b1.id()), ids(betaPage));

        // The total counts the whole subtree, not the page.
        Page<Account> small = f.accounts.list(alpha, AccountQuery.ALL, new PageRequest(1, 1));
        assertEquals(3, small.total());
        assertEquals(1, small.items().size());

        Page<Account> customers = f.accounts.list(alpha, new AccountQuery(null, "customer", null), PageRequest.first(50));
        assertEquals(2, customers.total());
        assertEquals(Set.of(a1.id(), a2.id()), ids(customers));

        // The platform sees both subtrees: itself, two resellers, three customers.
        assertEquals(6, f.accounts.list(f.admin, AccountQuery.ALL, PageRequest.first(50)).total());
    }

    @Test
    public void resellerCannotHoldAnOperatorOrAReseller() {
        expect(ErrorCode.RULE_VIOLATION, "type", () -> f.account(alpha, null, "operator", "Op"));
        expect(ErrorCode.RULE_VIOLATION, "type", () -> f.account(alpha, null, "reseller", "Sub"));
        Account c = f.account(alpha, null, "customer", "C");
        expect(ErrorCode.RULE_VIOLATION, "type", () -> f.account(alpha, c.id(), "customer", "Below a customer"));
        expect(ErrorCode.INVALID_FIELD, "type", () -> f.account(alpha, null, "galaxy", "G"));
        assertEquals(2, f.accounts.list(alpha, AccountQuery.ALL, PageRequest.first(50)).total());
    }

    @Test
    public void siblingNamesAreUniqueIgnoringCase() {
        Account first = f.account(alpha, null, "customer", "Acme");
        expect(ErrorCode.CONFLICT, "name", () -> f.account(alpha, null, "customer", "ACME"));
        expect(ErrorCode.CONFLICT, "name", () -> f.account(alpha, null, "customer", "  acme "));
        Account other = f.account(alpha, null, "customer", "Other");
        expect(ErrorCode.CONFLICT, "name", () -> f.accounts.update(alpha, other.id(), new AccountChange("aCmE", null)));
        assertEquals("Other", f.accounts.get(alpha, other.id()).name());
        // Renaming an account to a different case of its own name is fine.
        assertEquals("ACME", f.accounts.update(alpha, first.id(), new AccountChange("ACME", null)).name());
        // The same name below another parent is fine too.
        assertEquals("Acme", f.account(beta, null, "customer", "Acme").name());
        assertEquals(1, f.accounts.list(alpha, new AccountQuery(null, null, "acme"), PageRequest.first(50)).total());
    }

    @Test
    public void accountWithChildrenCannotBeDeleted() {
        Account c = f.account(alpha, null, "customer", "C");
        expect(ErrorCode.CONFLICT, null, () -> f.accounts.delete(f.admin, alpha.accountId()));
        assertEquals(alpha.accountId(), f.accounts.get(f.admin, alpha.accountId()).id());

        f.accounts.delete(alpha, c.id());
        expect(ErrorCode.NOT_FOUND, null, () -> f.accounts.get(alpha, c.id()));
        f.accounts.delete(f.admin, alpha.accountId());
        expect(ErrorCode.NOT_FOUND, null, () -> f.accounts.get(f.admin, alpha.accountId()));
        // Its users went with it.
        expect(ErrorCode.NOT_FOUND, null, () -> f.users.find(f.admin, "alpha-admin"));
    }

    @Test
    public void accountCannotDeleteItself() {
        expect(ErrorCode.FORBIDDEN, null, () -> f.accounts.delete(alpha, alpha.accountId()));
        expect(ErrorCode.FORBIDDEN, null, () -> f.accounts.suspend(alpha, alpha.accountId()));
        assertEquals("Alpha", f.accounts.get(alpha, alpha.accountId()).name());
    }

    @Test
    public void refusalsAreAuditedAgainstTheCallersOwnAccount() {
        Account c = f.account(alpha, null, "customer", "Alpha Customer 1");
        expect(ErrorCode.NOT_FOUND, null, () -> f.accounts.delete(beta, c.id()));
        List<String> alphaActions = f.auditService.list(alpha, null, PageRequest.first(100)).items().stream()
            .map(e -> e.action() + ":" + e.outcome()).toList();
        assertFalse("alpha must not learn of beta's attempt: " + alphaActions, alphaActions.contains("account.delete:DENIED"));
        assertTrue(f.auditService.list(beta, null, PageRequest.first(100)).items().stream()
            .anyMatch(e -> e.action().equals("account.delete") && e.actor().equals("beta-admin")));
    }

    private static Set<Long> ids(Page<Account> page) {
        return page.items().stream().map(Account::id).collect(Collectors.toSet());
    }
}
