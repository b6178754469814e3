package org.mtmanager.tenant.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
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
import org.mtmanager.api.Credential;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.account.Account;
import org.mtmanager.api.account.WhitelistEntry;
import org.mtmanager.api.user.CreatedSession;
import org.mtmanager.api.user.Session;
import org.mtmanager.api.user.TokenDraft;
import org.mtmanager.store.entity.UserEntity;
import org.mtmanager.tenant.TenantFixture;

/** Login sessions (idle end, revocation, whitelist), re-authentication for dangerous actions, required 2FA. */
public class SessionAndReauthTest {
    private static final String IP = TenantFixture.CLIENT_IP;

    @Rule
    public final TenantFixture f = new TenantFixture();

    private SessionServiceImpl sessions;
    private TokenServiceImpl tokens;
    private Caller alice;

    @Before
    public void setUp() {
        alice = f.tenantAdmin("reseller", "Alpha", "alice", "reseller-admin");
        sessions = new SessionServiceImpl(f.store, f.audit, f.auth, f.policy, f.clock);
        tokens = new TokenServiceImpl(f.store, f.audit, f.clock);
    }

    private CreatedSession login() {
        return sessions.login("alice", PASSWORD, null, IP, "test-agent", Channel.REST);
    }

    @Test
    public void aSessionActsAsItsUserButHasNotGivenThePasswordAgain() {
        CreatedSession s = login();
        assertTrue(s.key().startsWith("mts_" + s.session().id() + "_"));
        Caller c = sessions.authenticate(s.key(), IP, Channel.REST);
        assertEquals(alice.userId(), c.userId());
        assertEquals(Credential.Kind.SESSION, c.credential().kind());
        assertEquals(s.session().id(), c.sessionId());
        assertFalse(c.credential().reauthenticated());
        assertEquals("the CSRF token is derived from the key", s.csrfToken(), sessions.csrfToken(s.key()));
        assertNotEquals(s.csrfToken(), sessions.csrfToken(login().key()));
        List<Session> mine = sessions.list(c);
        assertEquals(2, mine.size());
        assertTrue(mine.stream().filter(Session::current).allMatch(x -> x.id() == s.session().id()));
        assertEquals("test-agent", mine.get(1).userAgent());
    }

    @Test
    public void aWrongOrForgedKeyIsRefused() {
        CreatedSession s = login();
        expect(ErrorCode.UNAUTHENTICATED, null, () -> sessions.authenticate(s.key() + "x", IP, Channel.REST));
        expect(ErrorCode.UNAUTHENTICATED, null, () -> sessions.authenticate("mts_999_abc", IP, Channel.REST));
        expect(ErrorCode.UNAUTHENTICATED, null, () -> sessions.authenticate("garbage", IP, Channel.REST));
    }

    @Test
    public void anIdleSessionEndsButUseKeepsItAlive() {
        CreatedSession s = login();
        f.clock.advance(Duration.ofMinutes(20));
        sessions.authenticate(s.key(), IP, Channel.REST);
        f.clock.advance(Duration.ofMinutes(20));
        sessions.authenticate(s.key(), IP, Channel.REST); // 40 minutes old, but used 20 minutes ago
        f.clock.advance(Duration.ofMinutes(31));
        expect(ErrorCode.UNAUTHENTICATED, null, () -> sessions.authenticate(s.key(), IP, Channel.REST));
        assertTrue(sessions.list(alice).isEmpty());
    }

    @Test
    public void aSessionEndsAtItsAbsoluteLimitHoweverActive() {
        CreatedSession s = login();
        for (int i = 0; i < 12 * 3; i++) {
            f.clock.advance(Duration.ofMinutes(20));
            if (i < 12 * 3 - 1) {
                sessions.authenticate(s.key(), IP, Channel.REST);
            }
        }
        expect(ErrorCode.UNAUTHENTICATED, null, () -> sessions.authenticate(s.key(), IP, Channel.REST));
    }

    @Test
    public void usersRevokeTheirOwnSessionsOnlyAndLogoutEndsTheCurrentOne() {
        CreatedSession a = login();
        CreatedSession b = login();
        Caller viaA = sessions.authenticate(a.key(), IP, Channel.REST);
        Caller bob = f.tenantAdmin("reseller", "Beta", "bob", "reseller-admin");
        expect(ErrorCode.NOT_FOUND, null, () -> sessions.revoke(bob, b.session().id()));
        assertEquals("revoked", sessions.revoke(viaA, b.session().id()).endReason());
        expect(ErrorCode.UNAUTHENTICATED, null, () -> sessions.authenticate(b.key(), IP, Channel.REST));
        sessions.logout(viaA);
        expect(ErrorCode.UNAUTHENTICATED, null, () -> sessions.authenticate(a.key(), IP, Channel.REST));
    }

    @Test
    public void aNewPasswordEndsTheOtherSessions() {
        CreatedSession kept = login();
        CreatedSession other = login();
        Caller viaKept = sessions.authenticate(kept.key(), IP, Channel.REST);
        f.users.setPassword(viaKept, alice.userId(), PASSWORD, "Another-horse-43");
        expect(ErrorCode.UNAUTHENTICATED, null, () -> sessions.authenticate(other.key(), IP, Channel.REST));
        assertEquals(alice.userId(), sessions.authenticate(kept.key(), IP, Channel.REST).userId());
    }

    @Test
    public void theWhitelistIsCheckedOnEveryRequestOfASession() {
        CreatedSession s = login();
        f.accounts.addToWhitelist(f.admin, alice.accountId(), new WhitelistEntry("203.0.113.0/24", "office"));
        expect(ErrorCode.IP_NOT_ALLOWED, null, () -> sessions.authenticate(s.key(), IP, Channel.REST));
        assertEquals(alice.userId(), sessions.authenticate(s.key(), "203.0.113.9", Channel.REST).userId());
    }

    @Test
    public void dangerousActionsNeedThePasswordAgainOnASession() {
        Caller viaSession = sessions.authenticate(login().key(), IP, Channel.REST);
        TokenDraft draft = new TokenDraft("billing", "read", List.of(), null);
        expect(ErrorCode.REAUTHENTICATION_REQUIRED, "password", () -> tokens.create(viaSession, draft));
        expect(ErrorCode.REAUTHENTICATION_REQUIRED, "password", () -> f.auth.reauthenticate(viaSession, null, null));
        expect(ErrorCode.UNAUTHENTICATED, "password", () -> f.auth.reauthenticate(viaSession, "wrong", null));
        int failures = f.store.read(em -> em.find(UserEntity.class, alice.userId()).getFailedAttempts());
        assertEquals("a wrong password again counts toward the lockout", 1, failures);
        Caller again = f.auth.reauthenticate(viaSession, PASSWORD, null);
        assertTrue(again.credential().reauthenticated());
        assertEquals(viaSession.sessionId(), again.sessionId());
        assertTrue(tokens.create(again, draft).secret().startsWith("mtm_"));
        assertTrue("a password login carries the password", f.login("alice").credential().reauthenticated());
    }

    @Test
    public void aTwoFactorCodeOpensOneSessionOnlyWhileStatelessRequestsMayRepeatIt() {
        TwoFactorServiceImpl tfa = new TwoFactorServiceImpl(f.store, f.audit, f.policy, f.clock);
        String secret = tfa.enrol(alice).secret();
        tfa.confirm(alice, Totp.code(Totp.base32Decode(secret), f.clock.instant().getEpochSecond(), 6));
        f.clock.advance(Duration.ofSeconds(30));
        String code = Totp.code(Totp.base32Decode(secret), f.clock.instant().getEpochSecond(), 6);
        f.auth.authenticate("alice", PASSWORD, code, IP, Channel.REST);
        f.auth.authenticate("alice", PASSWORD, code, IP, Channel.REST); // HTTP Basic sends it with every request
        CreatedSession s = sessions.login("alice", PASSWORD, code, IP, null, Channel.REST);
        expect(ErrorCode.UNAUTHENTICATED, "otp", () -> sessions.login("alice", PASSWORD, code, IP, null, Channel.REST));
        Caller viaSession = sessions.authenticate(s.key(), IP, Channel.REST);
        expect(ErrorCode.UNAUTHENTICATED, "otp", () -> f.auth.reauthenticate(viaSession, PASSWORD, code));
        f.clock.advance(Duration.ofSeconds(30));
        String next = Totp.code(Totp.base32Decode(secret), f.clock.instant().getEpochSecond(), 6);
        assertTrue(f.auth.reauthenticate(viaSession, PASSWORD, next).credential().reauthenticated());
        String older = Totp.code(Totp.base32Decode(secret), f.clock.instant().getEpochSecond() - 30, 6);
        expect(ErrorCode.UNAUTHENTICATED, "otp", () -> f.auth.authenticate("alice", PASSWORD + ":" + older, null, IP,
            Channel.SHELL));
    }

    @Test
    public void anAccountCanRequireTwoFactorForItsWholeSubtree() {
        Caller carol = f.tenantAdmin("distributor", "Gamma", "carol", "distributor-admin");
        assertFalse(carol.credential().enrolmentOnly());
        assertTrue(f.accounts.requireTwoFactor(alice, alice.accountId(), true).twoFactorRequired());
        assertTrue(f.login("alice").credential().enrolmentOnly());
        assertTrue(sessions.login("alice", PASSWORD, null, IP, null, Channel.REST).caller().credential().enrolmentOnly());
        assertFalse("another subtree is not concerned", f.login("carol").credential().enrolmentOnly());
        TwoFactorServiceImpl tfa = new TwoFactorServiceImpl(f.store, f.audit, f.policy, f.clock);
        String secret = tfa.enrol(f.login("alice")).secret();
        tfa.confirm(f.login("alice"), Totp.code(Totp.base32Decode(secret), f.clock.instant().getEpochSecond(), 6));
        f.clock.advance(Duration.ofSeconds(60));
        String code = Totp.code(Totp.base32Decode(secret), f.clock.instant().getEpochSecond(), 6);
        assertFalse(f.auth.authenticate("alice", PASSWORD, code, IP, Channel.REST).credential().enrolmentOnly());
        expect(ErrorCode.NOT_FOUND, null, () -> f.accounts.requireTwoFactor(carol, alice.accountId(), false));
    }

    @Test
    public void deletingAnAccountOrAUserNeedsThePasswordAgainAndLosesNothingWithout() {
        Account customer = f.account(alice, null, "customer", "Doomed");
        long userId = f.user(alice, customer.id(), "doomed-user", "viewer").id();
        long otherId = f.user(alice, alice.accountId(), "colleague", "reseller-admin").id();
        Caller viaSession = sessions.authenticate(login().key(), IP, Channel.REST);

        expect(ErrorCode.REAUTHENTICATION_REQUIRED, "password", () -> f.users.delete(viaSession, otherId));
        expect(ErrorCode.REAUTHENTICATION_REQUIRED, "password", () -> f.accounts.delete(viaSession, customer.id()));
        assertEquals("doomed-user", f.users.get(alice, userId).username());
        assertEquals("Doomed", f.accounts.get(alice, customer.id()).name());
        // A rule that forbids the deletion anyway is reported first, without asking for the password.
        expect(ErrorCode.RULE_VIOLATION, null, () -> f.users.delete(viaSession, alice.userId()));

        Caller again = f.auth.reauthenticate(viaSession, PASSWORD, null);
        f.users.delete(again, otherId);
        f.accounts.delete(again, customer.id());
        expect(ErrorCode.NOT_FOUND, null, () -> f.accounts.get(alice, customer.id()));
        expect(ErrorCode.NOT_FOUND, null, () -> f.users.get(alice, otherId));
    }
}
