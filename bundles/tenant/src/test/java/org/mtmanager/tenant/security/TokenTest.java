package org.mtmanager.tenant.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.tenant.TenantFixture.expect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.TokenScope;
import org.mtmanager.api.account.AccountDraft;
import org.mtmanager.api.audit.AuditQuery;
import org.mtmanager.api.user.ApiToken;
import org.mtmanager.api.user.CreatedToken;
import org.mtmanager.api.user.TokenDraft;
import org.mtmanager.api.user.UserDraft;
import org.mtmanager.tenant.TenantFixture;

/** API tokens: shown once, hashed, scoped within the user, CIDRs before the secret, expiry, revocation, audit. */
public class TokenTest {
    private static final String IP = TenantFixture.CLIENT_IP;

    @Rule
    public final TenantFixture f = new TenantFixture();

    private Caller alice;
    private TokenServiceImpl tokens;

    @Before
    public void setUp() {
        alice = f.tenantAdmin("reseller", "Alpha", "alice", "reseller-admin");
        tokens = new TokenServiceImpl(f.store, f.audit, f.clock);
    }

    private CreatedToken create(String scope, List<String> cidrs, Instant expires) {
        return tokens.create(alice, new TokenDraft("script", scope, cidrs, expires));
    }

    @Test
    public void aReadTokenReadsButNeverChangesAnything() {
        CreatedToken t = create("read", List.of(), null);
        assertTrue(t.secret().matches("mtm_" + t.token().id() + "_[a-z2-7]{32}"));
        Caller c = f.auth.authenticateToken(t.secret(), IP, Channel.REST);
        assertEquals(TokenScope.READ, c.tokenScope());
        assertEquals("alice/token:" + t.token().id(), c.actor());
        assertEquals("alice", f.users.get(c, alice.userId()).username());
        expect(ErrorCode.FORBIDDEN, null, () -> f.users.create(c, new UserDraft(null, "bob", TenantFixture.PASSWORD,
            "viewer", null, null)));
        expect(ErrorCode.FORBIDDEN, null, () -> f.accounts.create(c, new AccountDraft(alice.accountId(), "customer",
            "Shop", null)));
        // nor can it make tokens
        expect(ErrorCode.FORBIDDEN, null, () -> tokens.create(c, new TokenDraft("x", "full", null, null)));
        // its use is recorded and audited under the token
        ApiToken listed = tokens.list(alice).get(0);
        assertEquals(IP, listed.lastUsedIp());
        assertNotNull(listed.lastUsedAt());
        assertTrue(f.auditService.list(f.admin, new AuditQuery("alice/token:" + t.token().id(), "auth.token", null,
            null, null, null), new PageRequest(0, 10)).total() >= 1);
    }

    @Test
    public void theAuditBackstopRefusesAChangeOutsideTheScope() {
        CreatedToken t = create("read", List.of(), null);
        Caller c = f.auth.authenticateToken(t.secret(), IP, Channel.REST);
        // setPassword of oneself does not ask for a writer role, but its audited success is refused for a read token
        expect(ErrorCode.FORBIDDEN, null, () -> f.users.setPassword(c, alice.userId(), TenantFixture.PASSWORD,
            "Another-password-9"));
        f.login("alice");
    }

    @Test
    public void aTokenNeverHasMoreThanItsUser() {
        Caller viewer = f.tenantAdmin("reseller", "Beta", "vic", "viewer");
        expect(ErrorCode.INVALID_FIELD, "scope", () -> tokens.create(viewer, new TokenDraft("x", "full", null, null)));
        expect(ErrorCode.INVALID_FIELD, "scope", () -> tokens.create(viewer, new TokenDraft("x", "admin", null, null)));
        CreatedToken ok = tokens.create(viewer, new TokenDraft("x", "read", null, null));
        Caller c = f.auth.authenticateToken(ok.secret(), IP, Channel.REST);
        assertTrue(!c.canWrite() && !c.canBill());
        Caller full = f.auth.authenticateToken(create("full", List.of(), null).secret(), IP, Channel.REST);
        assertTrue(full.canWrite());
        Caller billing = f.auth.authenticateToken(create("billing", List.of(), null).secret(), IP, Channel.REST);
        assertTrue(billing.canBill() && !billing.canWrite());
    }

    @Test
    public void theCidrWhitelistIsCheckedBeforeTheSecret() {
        CreatedToken t = create("full", List.of("198.51.100.0/24"), null);
        String forged = "mtm_" + t.token().id() + "_" + "a".repeat(32);
        expect(ErrorCode.IP_NOT_ALLOWED, null, () -> f.auth.authenticateToken(forged, "203.0.113.9", Channel.REST));
        expect(ErrorCode.UNAUTHENTICATED, null, () -> f.auth.authenticateToken(forged, IP, Channel.REST));
        f.auth.authenticateToken(t.secret(), IP, Channel.REST);
        expect(ErrorCode.INVALID_FIELD, "cidrs[1]", () -> create("read", List.of("10.0.0.0/8", "10.0.0.300/8"), null));
    }

    @Test
    public void expiredAndRevokedTokensAreRefused() {
        CreatedToken t = create("read", List.of(), f.clock.instant().plus(Duration.ofHours(1)));
        f.auth.authenticateToken(t.secret(), IP, Channel.REST);
        f.clock.advance(Duration.ofHours(1));
        expect(ErrorCode.UNAUTHENTICATED, null, () -> f.auth.authenticateToken(t.secret(), IP, Channel.REST));
        expect(ErrorCode.INVALID_FIELD, "expiresAt", () -> create("read", List.of(), f.clock.instant()));
        CreatedToken r = create("read", List.of(), null);
        f.auth.authenticateToken(r.secret(), IP, Channel.REST);
        tokens.revoke(alice, r.token().id());
        expect(ErrorCode.UNAUTHENTICATED, null, () -> f.auth.authenticateToken(r.secret(), IP, Channel.REST));
        Caller bob = f.tenantAdmin("reseller", "Gamma", "bob", "reseller-admin");
        expect(ErrorCode.NOT_FOUND, null, () -> tokens.revoke(bob, t.token().id()));
        expect(ErrorCode.UNAUTHENTICATED, null, () -> f.auth.authenticateToken("mtm_x_y", IP, Channel.REST));
        expect(ErrorCode.UNAUTHENTICATED, null, () -> f.auth.authenticateToken("mtm_999_abc", IP, Channel.REST));
    }

    @Test
    public void aVerifiedTokenIsTrustedForAFewSecondsThenCheckedAgain() {
        CreatedToken t = create("read", List.of(), null);
        f.auth.authenticateToken(t.secret(), IP, Channel.REST);
        // Revoked as another node would: a row written outside this JVM's entities.
        f.store.writing(em -> em.createNativeQuery("UPDATE MTM_API_TOKEN SET REVOKEDAT = CURRENT_TIMESTAMP WHERE ID = ?")
            .setParameter(1, t.token().id()).executeUpdate());
        f.clock.advance(SecurityPolicy.DEFAULT_TOKEN_CACHE.minusSeconds(1));
        assertEquals("trusted within the bound, without reading the row again", alice.userId(),
            f.auth.authenticateToken(t.secret(), IP, Channel.REST).userId());
        expect(ErrorCode.UNAUTHENTICATED, null, () -> f.auth.authenticateToken(t.secret(), "198.51.100.8", Channel.REST));
        f.clock.advance(Duration.ofSeconds(1));
        expect(ErrorCode.UNAUTHENTICATED, null, () -> f.auth.authenticateToken(t.secret(), IP, Channel.REST));
    }

    @Test
    public void whatThisNodeChangesCountsAtOnceForAVerifiedToken() {
        CreatedToken t = create("read", List.of(), null);
        f.auth.authenticateToken(t.secret(), IP, Channel.REST);
        f.accounts.suspend(f.admin, alice.accountId());
        expect(ErrorCode.UNAUTHENTICATED, null, () -> f.auth.authenticateToken(t.secret(), IP, Channel.REST));
    }

    @Test
    public void concurrentFirstUsesOfATokenRecordItOnce() throws Exception {
        CreatedToken t = create("read", List.of(), null);
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Caller>> uses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AuthServiceImpl node = f.newAuth(); // each with its own cache, so that each checks the token in full
            uses.add(pool.submit(() -> {
                go.await();
                return node.authenticateToken(t.secret(), IP, Channel.REST);
            }));
        }
        go.countDown();
        for (Future<Caller> u : uses) {
            assertEquals(alice.userId(), u.get().userId());
        }
        pool.shutdown();
        assertEquals("one use recorded per address within 10 s", 1, f.auditService.list(f.admin, new AuditQuery(
            "alice/token:" + t.token().id(), "auth.token", null, null, null, null), new PageRequest(0, 10)).total());
    }
}
