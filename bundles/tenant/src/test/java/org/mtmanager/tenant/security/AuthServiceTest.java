package org.mtmanager.tenant.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.tenant.TenantFixture.PASSWORD;
import static org.mtmanager.tenant.TenantFixture.expect;

import java.time.Duration;
import java.util.List;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.account.Account;
import org.mtmanager.api.account.WhitelistEntry;
import org.mtmanager.api.audit.AuditQuery;
import org.mtmanager.store.entity.UserEntity;
import org.mtmanager.tenant.TenantFixture;

/** Lockout with a controlled clock, the portal whitelist before the password, suspended accounts. */
public class AuthServiceTest {
    private static final String WRONG = "Wrong-password-1";
    private static final String IP = TenantFixture.CLIENT_IP;

    @Rule
    public final TenantFixture f = new TenantFixture();

    private Caller alice;

    @Before
    public void reseller() {
        alice = f.tenantAdmin("reseller", "Alpha", "alice", "reseller-admin");
    }

    private void wrong(AuthServiceImpl auth) {
        expect(ErrorCode.UNAUTHENTICATED, null, () -> auth.authenticate("alice", WRONG, IP, Channel.REST));
    }

    private UserEntity aliceRow() {
        return f.store.read(em -> em.find(UserEntity.class, alice.userId()));
    }

    @Test
    public void fiveWrongPasswordsLockTheUserUntilTheLockoutEnds() {
        for (int i = 0; i < 5; i++) {
            wrong(f.auth);
        }
        assertEquals(f.clock.instant().plus(Duration.ofMinutes(15)), f.users.get(f.admin, alice.userId()).lockedUntil());
        // The sixth attempt fails even with the right password.
        expect(ErrorCode.UNAUTHENTICATED, null, () -> f.login("alice"));
        expect(ErrorCode.UNAUTHENTICATED, null, () -> f.auth.resolve("alice", Channel.SHELL));

        f.clock.advance(Duration.ofMinutes(14));
        expect(ErrorCode.UNAUTHENTICATED, null, () -> f.login("alice"));

        f.clock.advance(Duration.ofMinutes(2));
        Caller back = f.login("alice");
        assertEquals(alice.userId(), back.userId());
        assertEquals(0, aliceRow().getFailedAttempts());
    }

    @Test
    public void lockAndFailureCountSurviveARestart() {
        for (int i = 0; i < 3; i++) {
            wrong(f.auth);
        }
        assertEquals(3, aliceRow().getFailedAttempts());
        AuthServiceImpl restarted = f.newAuth();
        wrong(restarted);
        wrong(restarted);
        // Locked after 3 + 2 failures across two service instances.
        expect(ErrorCode.UNAUTHENTICATED, null, () -> restarted.authenticate("alice", PASSWORD, IP, Channel.REST));
        AuthServiceImpl again = f.newAuth();
        expect(ErrorCode.UNAUTHENTICATED, null, () -> again.authenticate("alice", PASSWORD, IP, Channel.REST));
        assertNotNull(aliceRow().getLockedUntil());

        f.clock.advance(Duration.ofMinutes(16));
        assertEquals(alice.userId(), f.newAuth().authenticate("alice", PASSWORD, IP, Channel.REST).userId());
    }

    @Test
    public void successResetsTheFailureCount() {
        for (int i = 0; i < 4; i++) {
            wrong(f.auth);
        }
        f.login("alice");
        for (int i = 0; i < 4; i++) {
            wrong(f.auth);
        }
        assertEquals(4, aliceRow().getFailedAttempts());
        assertNull(aliceRow().getLockedUntil());
        assertEquals(alice.userId(), f.login("alice").userId());
    }

    @Test
    public void whitelistIsCheckedBeforeThePasswordAndDoesNotCountTowardLockout() {
        f.accounts.replaceWhitelist(f.admin, alice.accountId(), List.of(new WhitelistEntry("203.0.113.0/24", "office")));
        for (int i = 0; i < 7; i++) {
            expect(ErrorCode.IP_NOT_ALLOWED, null, () -> f.auth.authenticate("alice", WRONG, IP, Channel.REST));
        }
        expect(ErrorCode.IP_NOT_ALLOWED, null, () -> f.auth.authenticate("alice", PASSWORD, IP, Channel.REST));
        expect(ErrorCode.IP_NOT_ALLOWED, null, () -> f.auth.authenticate("alice", PASSWORD, null, Channel.REST));
        assertEquals(0, aliceRow().getFailedAttempts());
        assertNull(aliceRow().getLockedUntil());

        Caller ok = f.auth.authenticate("alice", PASSWORD, "203.0.113.9", Channel.REST);
        assertEquals("203.0.113.9", ok.sourceIp());
        assertEquals(alice.userId(), f.auth.authenticate("alice", PASSWORD, "::ffff:203.0.113.10", Channel.SOAP).userId());
        // From a listed address the password still matters.
        expect(ErrorCode.UNAUTHENTICATED, null, () -> f.auth.authenticate("alice", WRONG, "203.0.113.9", Channel.REST));
        assertEquals(1, aliceRow().getFailedAttempts());

        assertTrue(f.auditService.list(f.admin, new AuditQuery("alice", "auth.ip-refused", null, "DENIED", null, null),
            PageRequest.first(50)).total() >= 8);
    }

    @Test
    public void suspendedParentAccountBlocksLogin() {
        Account customer = f.account(alice, null, "customer", "Customer");
        f.user(alice, customer.id(), "carol", "viewer");
        assertEquals(customer.id(), f.login("carol").accountId());

        f.accounts.suspend(f.admin, alice.accountId());
        expect(ErrorCode.UNAUTHENTICATED, null, () -> f.login("carol"));
        expect(ErrorCode.UNAUTHENTICATED, null, () -> f.login("alice"));
        expect(ErrorCode.UNAUTHENTICATED, null, () -> f.auth.resolve("carol", Channel.SHELL));
        // A refusal for suspension is not a password failure.
        assertEquals(0, aliceRow().getFailedAttempts());

        f.accounts.resume(f.admin, alice.accountId());
        assertEquals(customer.id(), f.login("carol").accountId());
    }

    @Test
    public void unknownUsersFailLikeWrongPasswords() {
        expect(ErrorCode.UNAUTHENTICATED, null, () -> f.auth.authenticate("nobody", PASSWORD, IP, Channel.REST));
        expect(ErrorCode.UNAUTHENTICATED, null, () -> f.auth.authenticate("", PASSWORD, IP, Channel.REST));
        expect(ErrorCode.UNAUTHENTICATED, null, () -> f.auth.authenticate("alice", null, IP, Channel.REST));
        assertEquals(1, f.auditService.list(f.admin, new AuditQuery("nobody", "auth.login", null, "FAILED", null, null),
            PageRequest.first(10)).total());
    }

    @Test
    public void rememberedPasswordStopsWorkingAfterAReset() {
        f.login("alice");
        f.login("alice");
        f.users.setPassword(f.admin, alice.userId(), null, "Brand-new-pass-7");
        expect(ErrorCode.UNAUTHENTICATED, null, () -> f.login("alice"));
        assertEquals(alice.userId(), f.auth.authenticate("alice", "Brand-new-pass-7", IP, Channel.REST).userId());
    }

    @Test
    public void whitelistReplaceRefusesToLockOutTheCaller() {
        long own = alice.accountId();
        expect(ErrorCode.RULE_VIOLATION, "cidr", () -> f.accounts.replaceWhitelist(alice, own,
            List.of(new WhitelistEntry("203.0.113.0/24", null))));
        expect(ErrorCode.RULE_VIOLATION, "cidr", () -> f.accounts.addToWhitelist(alice, own,
            new WhitelistEntry("203.0.113.0/24", null)));
        assertEquals(List.of(), f.accounts.whitelist(alice, own));
        // Alice can still log in from anywhere.
        f.auth.authenticate("alice", PASSWORD, "192.0.2.99", Channel.REST);

        List<WhitelistEntry> saved = f.accounts.replaceWhitelist(alice, own,
            List.of(new WhitelistEntry("203.0.113.0/24", null), new WhitelistEntry("198.51.100.7/24", "me")));
        assertEquals(List.of("203.0.113.0/24", "198.51.100.0/24"), saved.stream().map(WhitelistEntry::cidr).toList());
        expect(ErrorCode.RULE_VIOLATION, "cidr", () -> f.accounts.removeFromWhitelist(alice, own, "198.51.100.0/24"));
        assertEquals(2, f.accounts.whitelist(alice, own).size());
        assertEquals(alice.userId(), f.login("alice").userId());

        // The rule guards the caller's own remote access only: the console or a parent account may do it.
        f.accounts.replaceWhitelist(alice.via(Channel.SHELL, "local"), own, List.of(new WhitelistEntry("203.0.113.0/24", null)));
        assertEquals(1, f.accounts.whitelist(f.admin, own).size());
        expect(ErrorCode.IP_NOT_ALLOWED, null, () -> f.login("alice"));
    }
}
