package org.mtmanager.tenant.security;

import static org.junit.Assert.assertEquals;
import static org.mtmanager.tenant.TenantFixture.expect;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.user.CreatedToken;
import org.mtmanager.api.user.TokenDraft;
import org.mtmanager.tenant.TenantFixture;

/**
 * Two nodes on one database (two authentication services over one store, each with its own caches): a password
 * change or a token revocation made through one is refused by the other at its very next request, although that
 * node had just accepted the old credential (its password cache keys on the stored hash). Both services share this
 * JVM, and so its count of credential writes ({@code EntityChanges}), which empties the verified-token cache; a
 * node in another JVM sees a revocation within {@code auth.tokenCacheSeconds}.
 */
public class SeveralNodesAuthTest {
    private static final String IP = TenantFixture.CLIENT_IP;

    @Rule
    public final TenantFixture f = new TenantFixture();

    private Caller alice;
    private AuthServiceImpl other;

    @Before
    public void setUp() {
        alice = f.tenantAdmin("reseller", "Alpha", "alice", "reseller-admin");
        other = f.newAuth();
    }

    @Test
    public void aPasswordChangedOnOneNodeIsRefusedAtOnceOnAnother() {
        other.authenticate("alice", TenantFixture.PASSWORD, IP, Channel.REST);
        f.users.setPassword(alice, alice.userId(), TenantFixture.PASSWORD, "Another-password-9");
        expect(ErrorCode.UNAUTHENTICATED, null, () -> other.authenticate("alice", TenantFixture.PASSWORD, IP, Channel.REST));
        assertEquals("alice", other.authenticate("alice", "Another-password-9", IP, Channel.REST).username());
    }

    @Test
    public void aTokenRevokedOnOneNodeIsRefusedAtOnceOnAnother() {
        TokenServiceImpl tokens = new TokenServiceImpl(f.store, f.audit, f.clock);
        CreatedToken t = tokens.create(alice, new TokenDraft("script", "read", null, null));
        other.authenticateToken(t.secret(), IP, Channel.REST);
        tokens.revoke(alice, t.token().id());
        expect(ErrorCode.UNAUTHENTICATED, null, () -> other.authenticateToken(t.secret(), IP, Channel.REST));
    }
}
