package org.mtmanager.api.user;

import java.util.List;

import org.mtmanager.api.Caller;

/**
 * The caller's own API tokens. A token acts as its user, narrowed to its scope: never more than the user may do.
 * Tokens are created with a password login (not with another token); every change is audited.
 */
public interface TokenService {

    /** @throws org.mtmanager.api.MtmException INVALID_FIELD (name, scope, cidrs[i], expiresAt), FORBIDDEN */
    CreatedToken create(Caller caller, TokenDraft draft);

    List<ApiToken> list(Caller caller);

    /** Revokes one of the caller's tokens at once. */
    ApiToken revoke(Caller caller, long id);
}
