package org.mtmanager.tenant.account;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.mtmanager.tenant.TenantFixture.PASSWORD;
import static org.mtmanager.tenant.TenantFixture.expect;

import java.util.List;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.Role;
import org.mtmanager.api.account.Account;
import org.mtmanager.api.account.AccountChange;
import org.mtmanager.api.account.AccountQuery;
import org.mtmanager.api.account.WhitelistEntry;
import org.mtmanager.api.plan.PlanDraft;
import org.mtmanager.api.user.User;
import org.mtmanager.api.user.UserDraft;
import org.mtmanager.tenant.TenantFixture;

/** Roles: viewers only read; a role must fit its account's type and be one the platform knows. */
public class UserRolesTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    private Caller resellerAdmin;
    private Account customer;
    private User customerUser;

    @Before
    public void reseller() {
        resellerAdmin = f.tenantAdmin("reseller", "Alpha", "alpha-admin", "reseller-admin");
        customer = f.account(resellerAdmin, null, "customer", "Customer");
        customerUser = f.user(resellerAdmin, customer.id(), "cust-viewer", "viewer");
    }

    @Test
    public void viewerCanReadButNotChangeAnything() {
        f.user(resellerAdmin, resellerAdmin.accountId(), "alpha-viewer", "viewer");
        Caller viewer = f.login("alpha-viewer");
        assertEquals(Role.VIEWER, viewer.role());
        long accountsBefore = f.count("AccountEntity");
        long usersBefore = f.count("UserEntity");

        // Reading is allowed.
        assertEquals(customer.id(), f.accounts.get(viewer, customer.id()).id());
        assertEquals(2, f.accounts.list(viewer, AccountQuery.ALL, PageRequest.first(10)).total());
        assertEquals(3, f.users.list(viewer, null, PageRequest.first(10)).total());

        expect(ErrorCode.FORBIDDEN, null, () -> f.account(viewer, null, "customer", "New"));
        expect(ErrorCode.FORBIDDEN, null, () -> f.accounts.update(viewer, customer.id(), new AccountChange("X", null)));
        expect(ErrorCode.FORBIDDEN, null, () -> f.accounts.suspend(viewer, customer.id()));
        expect(ErrorCode.FORBIDDEN, null, () -> f.accounts.delete(viewer, customer.id()));
        expect(ErrorCode.FORBIDDEN, null, () -> f.accounts.addToWhitelist(viewer, customer.id(),
            new WhitelistEntry("192.0.2.0/24", null)));
        expect(ErrorCode.FORBIDDEN, null, () -> f.accounts.replaceWhitelist(viewer, customer.id(),
            List.of(new WhitelistEntry("192.0.2.0/24", null))));
        expect(ErrorCode.FORBIDDEN, null, () -> f.user(viewer, customer.id(), "new-user", "viewer"));
        expect(ErrorCode.FORBIDDEN, null, () -> f.users.delete(viewer, customerUser.id()));
        expect(ErrorCode.FORBIDDEN, null, () -> f.users.unlock(viewer, customerUser.id()));
        expect(ErrorCode.FORBIDDEN, null, () -> f.users.setPassword(viewer, customerUser.id(), null, "Another-pass-99"));
        expect(ErrorCode.FORBIDDEN, null, () -> f.plans.create(viewer,
            new PlanDraft("XL", 9, 8, 16384, 160, 600, 20, 120)));

        assertEquals(accountsBefore, f.count("AccountEntity"));
        assertEquals(usersBefore, f.count("UserEntity"));
        assertEquals("Customer", f.accounts.get(resellerAdmin, customer.id()).name());
        assertEquals(List.of(), f.accounts.whitelist(resellerAdmin, customer.id()));
        // The customer user's password is unchanged.
        f.auth.authenticate("cust-viewer", PASSWORD, TenantFixture.CLIENT_IP, Channel.REST);
    }

    @Test
    public void viewerMayStillChangeItsOwnPassword() {
        Caller viewer = f.login("cust-viewer");
        expect(ErrorCode.FORBIDDEN, "currentPassword",
            () -> f.users.setPassword(viewer, viewer.userId(), "wrong-current-pw", "Another-pass-99"));
        f.users.setPassword(viewer, viewer.userId(), PASSWORD, "Another-pass-99");
        assertEquals(viewer.userId(), f.auth.authenticate("cust-viewer", "Another-pass-99", null, Channel.SHELL).userId());
    }

    @Test
    public void viewerOnThePlatformCannotChangeSettings() {
        f.user(f.admin, f.boot.rootAccountId(), "platform-viewer", "viewer");
        Caller viewer = f.login("platform-viewer");
        String before = f.settings.get(viewer, "portal.session-idle-minutes").value();
        expect(ErrorCode.FORBIDDEN, null, () -> f.settings.set(viewer, "portal.session-idle-minutes", "45"));
        assertEquals(before, f.settings.get(f.admin, "portal.session-idle-minutes").value());
    }

    @Test
    public void roleMustFitTheAccountType() {
        long before = f.count("UserEntity");
        expect(ErrorCode.RULE_VIOLATION, "role", () -> f.user(resellerAdmin, customer.id(), "cust-admin", "reseller-admin"));
        expect(ErrorCode.RULE_VIOLATION, "role", () -> f.user(f.admin, customer.id(), "cust-admin", "operator-admin"));
        expect(ErrorCode.RULE_VIOLATION, "role", () -> f.user(f.admin, resellerAdmin.accountId(), "x-admin", "platform-admin"));
        expect(ErrorCode.RULE_VIOLATION, "role", () -> f.user(f.admin, resellerAdmin.accountId(), "y-admin", "distributor-admin"));
        assertEquals(before, f.count("UserEntity"));
        // A role that fits is accepted.
        User second = f.user(resellerAdmin, resellerAdmin.accountId(), "alpha-admin-2", "reseller-admin");
        assertEquals(Role.RESELLER_ADMIN, second.role());
        assertEquals(resellerAdmin.accountId(), second.accountId());
    }

    @Test
    public void unknownRoleIsAnInvalidField() {
        long before = f.count("UserEntity");
        expect(ErrorCode.INVALID_FIELD, "role", () -> f.user(resellerAdmin, customer.id(), "someone", "superuser"));
        expect(ErrorCode.INVALID_FIELD, "role", () -> f.user(resellerAdmin, customer.id(), "someone", "Viewer"));
        expect(ErrorCode.INVALID_FIELD, "role", () -> f.user(resellerAdmin, customer.id(), "someone", null));
        assertEquals(before, f.count("UserEntity"));
    }

    @Test
    public void userNamesAreUniqueAcrossThePlatformIgnoringCase() {
        expect(ErrorCode.CONFLICT, "username", () -> f.user(f.admin, f.boot.rootAccountId(), "CUST-Viewer", "viewer"));
        expect(ErrorCode.INVALID_FIELD, "password", () -> f.users.create(resellerAdmin,
            new UserDraft(customer.id(), "short-pw", "short", "viewer", null, null)));
        assertNull(f.store.read(em -> em.createQuery("SELECT u FROM UserEntity u WHERE u.usernameKey = 'short-pw'")
            .getResultList().stream().findFirst().orElse(null)));
    }
}
