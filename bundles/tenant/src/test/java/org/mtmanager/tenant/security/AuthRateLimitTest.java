package org.mtmanager.tenant.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.tenant.TenantFixture.PASSWORD;
import static org.mtmanager.tenant.TenantFixture.expect;

import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Channel;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.RateLimitedException;
import org.mtmanager.tenant.TenantFixture;

/** Authentication failures are limited per address and per user name; API requests per address and per caller. */
public class AuthRateLimitTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    @Test
    public void failuresFromOneAddressAreLimitedBeforeAnyCheck() {
        f.tenantAdmin("reseller", "Alpha", "alice", "reseller-admin");
        f.policy.limits(SecurityPolicy.Limits.of(1000, 2000, 1, 3));
        for (int i = 0; i < 3; i++) {
            expect(ErrorCode.UNAUTHENTICATED, null, () -> f.auth.authenticate("nobody", "x", "203.0.113.1", Channel.REST));
        }
        MtmException limited = expect(ErrorCode.TOO_MANY_REQUESTS, null,
            () -> f.auth.authenticate("alice", PASSWORD, "203.0.113.1", Channel.REST));
        assertTrue(((RateLimitedException) limited).retryAfterSeconds() >= 1);
        // another address is not affected, and a token guess counts too
        assertEquals("alice", f.auth.authenticate("alice", PASSWORD, "203.0.113.2", Channel.REST).username());
        for (int i = 0; i < 3; i++) {
            expect(ErrorCode.UNAUTHENTICATED, null, () -> f.auth.authenticateToken("mtm_77_abc", "203.0.113.3", Channel.REST));
        }
        expect(ErrorCode.TOO_MANY_REQUESTS, null, () -> f.auth.authenticateToken("mtm_77_abc", "203.0.113.3", Channel.REST));
    }

    @Test
    public void failuresAgainstOneUserAreLimitedFromEveryAddress() {
        f.tenantAdmin("reseller", "Alpha", "alice", "reseller-admin");
        f.policy.limits(SecurityPolicy.Limits.of(1000, 2000, 1, 3));
        for (int i = 0; i < 3; i++) {
            String ip = "203.0.113." + (10 + i);
            expect(ErrorCode.UNAUTHENTICATED, null, () -> f.auth.authenticate("alice", "Wrong-password-1", ip, Channel.REST));
        }
        expect(ErrorCode.TOO_MANY_REQUESTS, null, () -> f.auth.authenticate("alice", PASSWORD, "203.0.113.20", Channel.REST));
    }

    @Test
    public void requestsArePerAddressAndPerCaller() {
        var alice = f.tenantAdmin("reseller", "Alpha", "alice", "reseller-admin");
        f.policy.limits(SecurityPolicy.Limits.of(1, 2, 60, 100));
        f.policy.checkAddress("203.0.113.1");
        f.policy.checkAddress("203.0.113.1");
        expect(ErrorCode.TOO_MANY_REQUESTS, null, () -> f.policy.checkAddress("203.0.113.1"));
        f.policy.checkAddress("203.0.113.2");
        f.policy.checkCaller(alice);
        f.policy.checkCaller(alice);
        expect(ErrorCode.TOO_MANY_REQUESTS, null, () -> f.policy.checkCaller(alice));
    }
}
