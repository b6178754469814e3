package org.mtmanager.tenant.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.tenant.TenantFixture.PASSWORD;
import static org.mtmanager.tenant.TenantFixture.expect;

import java.time.Duration;
import java.util.List;

import org.junit.Assert;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.audit.AuditQuery;
import org.mtmanager.api.user.TwoFactorEnrolment;
import org.mtmanager.store.entity.UserEntity;
import org.mtmanager.tenant.TenantFixture;

/** TOTP enrolment, login with a code or a recovery code, lockout on wrong codes, reset by an administrator. */
public class TwoFactorTest {
    private static final String IP = TenantFixture.CLIENT_IP;

    @Rule
    public final TenantFixture f = new TenantFixture();

    private Caller alice;
    private TwoFactorServiceImpl tfa;

    @Before
    public void setUp() {
        alice = f.tenantAdmin("reseller", "Alpha", "alice", "reseller-admin");
        tfa = new TwoFactorServiceImpl(f.store, f.audit, f.policy, f.clock);
    }

    private String code(String secret) {
        return Totp.code(Totp.base32Decode(secret), f.clock.instant().getEpochSecond(), 6);
    }

    private TwoFactorEnrolment enrolled() {
        TwoFactorEnrolment e = tfa.enrol(alice);
        tfa.confirm(alice, code(e.secret()));
        return e;
    }

    @Test
    public void enrolmentNeedsAConfirmationBeforeLoginsRequireACode() {
        TwoFactorEnrolment e = tfa.enrol(alice);
        assertEquals(32, e.secret().length());
        assertEquals("otpauth://totp/MT%20Manager:alice?secret=" + e.secret()
            + "&issuer=MT%20Manager&algorithm=SHA1&digits=6&period=30", e.uri());
        assertEquals(10, e.recoveryCodes().size());
        assertFalse(tfa.enabled(alice, alice.userId()));
        f.login("alice"); // unconfirmed: the password alone still works
        expect(ErrorCode.INVALID_FIELD, "code", () -> tfa.confirm(alice, "000000".equals(code(e.secret()))
            ? "111111" : "000000"));
        tfa.confirm(alice, code(e.secret()));
        assertTrue(tfa.enabled(alice, alice.userId()));
        expect(ErrorCode.CONFLICT, "2fa", () -> tfa.enrol(alice));
        UserEntity row = f.store.read(em -> em.find(UserEntity.class, alice.userId()));
        assertFalse(row.getRecoveryCodes().contains(e.recoveryCodes().get(0).replace("-", "")));
    }

    @Test
    public void loginNeedsTheCodeAndAWrongCodeCountsTowardTheLockout() {
        TwoFactorEnrolment e = enrolled();
        expect(ErrorCode.UNAUTHENTICATED, "otp", () -> f.login("alice"));
        Caller c = f.auth.authenticate("alice", PASSWORD, code(e.secret()), IP, Channel.REST);
        assertEquals(alice.userId(), c.userId());
        // one step of drift is fine, three are not
        f.clock.advance(Duration.ofSeconds(30));
        String old = Totp.code(Totp.base32Decode(e.secret()), f.clock.instant().getEpochSecond() - 30, 6);
        f.auth.authenticate("alice", PASSWORD, old, IP, Channel.REST);
        String stale = Totp.code(Totp.base32Decode(e.secret()), f.clock.instant().getEpochSecond() - 90, 6);
        String wrong = stale.equals(code(e.secret())) ? "999999" : stale;
        for (int i = 0; i < 5; i++) {
            expect(ErrorCode.UNAUTHENTICATED, "otp", () -> f.auth.authenticate("alice", PASSWORD, wrong, IP, Channel.REST));
        }
        // locked now, even with the right code
        expect(ErrorCode.UNAUTHENTICATED, null,
            () -> f.auth.authenticate("alice", PASSWORD, code(e.secret()), IP, Channel.REST));
        assertTrue(f.auditService.list(f.admin, new AuditQuery(null, null, null, null, null, null),
            new PageRequest(0, 100)).items().stream().anyMatch(a -> a.detail() != null
            && a.detail().startsWith("wrong two-factor code; locked until")));
    }

    @Test
    public void aRecoveryCodeWorksOnce() {
        TwoFactorEnrolment e = enrolled();
        String rc = e.recoveryCodes().get(3);
        f.auth.authenticate("alice", PASSWORD, rc.toUpperCase(), IP, Channel.REST);
        expect(ErrorCode.UNAUTHENTICATED, "otp", () -> f.auth.authenticate("alice", PASSWORD, rc, IP, Channel.REST));
        f.auth.authenticate("alice", PASSWORD, e.recoveryCodes().get(4), IP, Channel.REST);
    }

    @Test
    public void theConsoleTakesPasswordColonCode() {
        TwoFactorEnrolment e = enrolled();
        expect(ErrorCode.UNAUTHENTICATED, "otp", () -> f.auth.authenticate("alice", PASSWORD, null, Channel.SHELL));
        Caller c = f.auth.authenticate("alice", PASSWORD + ":" + code(e.secret()), null, Channel.SHELL);
        Assert.assertTrue(expect(ErrorCode.UNAUTHENTICATED, "otp",
            () -> f.auth.authenticate("alice", PASSWORD, IP, Channel.SOAP)).getMessage().contains("API token"));
        assertEquals("alice", c.username());
    }

    @Test
    public void anAdministratorResetsItAudited() {
        enrolled();
        Caller bob = f.tenantAdmin("reseller", "Beta", "bob", "reseller-admin");
        expect(ErrorCode.NOT_FOUND, null, () -> tfa.reset(bob, alice.userId()));
        tfa.reset(f.admin, alice.userId());
        assertFalse(tfa.enabled(alice, alice.userId()));
        f.login("alice");
        List<String> actions = f.auditService.list(f.admin, new AuditQuery(null, null, null, null, null, null),
            new PageRequest(0, 100)).items().stream().map(a -> a.action() + ":" + a.outcome()).toList();
        assertTrue(actions.toString(), actions.contains("user.2fa-reset:SUCCESS"));
    }
}
