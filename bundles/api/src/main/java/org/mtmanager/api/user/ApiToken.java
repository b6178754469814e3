package org.mtmanager.api.user;

import java.time.Instant;
import java.util.List;

/**
 * An API token, without its secret (shown once, at creation).
 *
 * @param scope    "read", "billing" or "full" (see {@link org.mtmanager.api.TokenScope})
 * @param cidrs    the addresses it may be used from, on top of the account's portal whitelist; empty for any
 * @param expiresAt null for no expiry
 */
public record ApiToken(long id, long userId, String name, String scope, List<String> cidrs, Instant createdAt,
                       Instant expiresAt, Instant revokedAt, Instant lastUsedAt, String lastUsedIp) {
    public ApiToken {
        cidrs = List.copyOf(cidrs);
    }
}
