package org.mtmanager.api;

import java.util.Objects;

/**
 * Who is acting: an authenticated user (or the platform itself), the account whose subtree bounds what it may
 * see, its role, and where the request came from. Facades build it once per request from the credentials and
 * pass it to every service call; the services decide everything else from it.
 *
 * @param userId      the user's id, or 0 for the platform itself
 * @param username    the user name, recorded as the actor in the audit log
 * @param accountId   the account the user belongs to
 * @param accountPath the materialised path of that account ("/1/7/"), the root of the caller's visible subtree
 * @param role        what the user may do inside that subtree
 * @param sourceIp    the client address as seen by the facade, or "local"
 * @param channel     the facade the request came through
 * @param credential  how this request authenticated: a token's scope narrows what the role allows, never widens it
 */
public record Caller(long userId, String username, long accountId, String accountPath, Role role, String sourceIp,
                     Channel channel, Credential credential) {

    /** A caller that authenticated with its password on this request. */
    public Caller(long userId, String username, long accountId, String accountPath, Role role, String sourceIp,
                  Channel channel) {
        this(userId, username, accountId, accountPath, role, sourceIp, channel, Credential.password(false));
    }

    public Caller {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(accountPath, "accountPath");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(credential, "credential");
        sourceIp = sourceIp == null ? "unknown" : sourceIp;
    }

    /** The same caller seen through another facade or address. */
    public Caller via(Channel newChannel, String newSourceIp) {
        return new Caller(userId, username, accountId, accountPath, role, newSourceIp, newChannel, credential);
    }

    /** The same caller with another credential (for example after the password was given again). */
    public Caller with(Credential newCredential) {
        return new Caller(userId, username, accountId, accountPath, role, sourceIp, channel, newCredential);
    }

    /** The API token this request authenticated with, or 0. */
    public long tokenId() {
        return credential.kind() == Credential.Kind.TOKEN ? credential.id() : 0;
    }

    /** That token's scope, or null without a token. */
    public TokenScope tokenScope() {
        return credential.scope();
    }

    /** The portal session this request came with, or 0. */
    public long sessionId() {
        return credential.kind() == Credential.Kind.SESSION ? credential.id() : 0;
    }

    /** Whether the caller may change things: a writing role, and no token or a {@link TokenScope#FULL} one. */
    public boolean canWrite() {
        return role.canWrite() && (tokenScope() == null || tokenScope() == TokenScope.FULL);
    }

    /** Whether the caller may do billing changes: a writing role, and no token or a billing or full one. */
    public boolean canBill() {
        return role.canWrite() && tokenScope() != TokenScope.READ;
    }

    /** Who the audit log names: the user, and the token when the request came with one ("alice/token:12"). */
    public String actor() {
        return tokenId() == 0 ? username : username + "/token:" + tokenId();
    }

    public boolean isPlatformAdmin() {
        return role == Role.PLATFORM_ADMIN;
    }
}
