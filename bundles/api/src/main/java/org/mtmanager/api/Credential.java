package org.mtmanager.api;

import java.util.Objects;

/**
 * How a caller proved who it is, for this one request. It decides what a request may do on top of the role: a
 * token's scope narrows it; only a request that carried the password itself (and the TOTP code where two-factor
 * authentication is on) may do a dangerous action; and a user whose account requires two-factor authentication,
 * but who has not enrolled, may do nothing but enrol.
 *
 * @param kind            what the request authenticated with
 * @param id              the API token's or the session's id; 0 for the other kinds
 * @param scope           the token's scope; null for every other kind
 * @param reauthenticated whether this request carried the user's password (and TOTP code where it is on), which
 *                        dangerous actions require
 * @param enrolmentOnly   the account requires two-factor authentication and the user has not enrolled yet
 */
public record Credential(Kind kind, long id, TokenScope scope, boolean reauthenticated, boolean enrolmentOnly) {

    /** What a request authenticated with. */
    public enum Kind {
        /** The user's password on this request (HTTP Basic, a SOAP UsernameToken). */
        PASSWORD,
        /** An API token. */
        TOKEN,
        /** A portal session (a cookie from a password login). */
        SESSION,
        /** A console session that Karaf's login already checked. */
        CONSOLE,
        /** The platform itself: first start, scheduled work, the local console. */
        PLATFORM
    }

    public static final Credential PLATFORM = new Credential(Kind.PLATFORM, 0, null, true, false);

    public Credential {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.TOKEN) != (scope != null)) {
            throw new IllegalArgumentException("a scope belongs to tokens, and every token has one");
        }
    }

    public static Credential password(boolean enrolmentOnly) {
        return new Credential(Kind.PASSWORD, 0, null, true, enrolmentOnly);
    }

    public static Credential token(long id, TokenScope scope) {
        return new Credential(Kind.TOKEN, id, scope, false, false);
    }

    public static Credential session(long id, boolean enrolmentOnly) {
        return new Credential(Kind.SESSION, id, null, false, enrolmentOnly);
    }

    public static Credential console(boolean enrolmentOnly) {
        return new Credential(Kind.CONSOLE, 0, null, false, enrolmentOnly);
    }

    /** The same credential after the password (and code) was checked again on this request. */
    public Credential reauthenticatedNow() {
        return new Credential(kind, id, scope, true, enrolmentOnly);
    }
}
