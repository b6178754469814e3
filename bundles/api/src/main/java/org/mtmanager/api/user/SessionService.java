package org.mtmanager.api.user;

import java.util.List;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;

/**
 * Login sessions, for the portal and for any client that prefers a cookie to sending the password every time. A
 * session is opened by a full login (portal whitelist, password, TOTP code, lockout: everything
 * {@link AuthService#authenticate} checks), ends after {@code portal.session-idle-minutes} without use or at its
 * absolute end, and can be logged out or revoked by its user at any time. A session does not count as having
 * given the password again: dangerous actions still ask for it.
 */
public interface SessionService {

    /**
     * @param userAgent the client's own description, kept to help its user recognise it; may be null
     * @throws org.mtmanager.api.MtmException UNAUTHENTICATED, IP_NOT_ALLOWED, TOO_MANY_REQUESTS
     */
    CreatedSession login(String username, String password, String otp, String sourceIp, String userAgent,
                         Channel channel);

    /**
     * The caller of a request that came with a session key: the account's portal whitelist is checked again for
     * the request's address, and so are the user's lockout and suspension.
     *
     * @throws org.mtmanager.api.MtmException UNAUTHENTICATED (unknown, ended, idle or expired), IP_NOT_ALLOWED
     */
    Caller authenticate(String key, String sourceIp, Channel channel);

    /** How long a session lives without a request (the setting {@code portal.session-idle-minutes}). */
    long idleTimeoutSeconds();

    /** The CSRF token that belongs to a session key. */
    String csrfToken(String key);

    /** The caller's own sessions that are still alive, newest first. */
    List<Session> list(Caller caller);

    /** Ends one of the caller's own sessions at once. */
    Session revoke(Caller caller, long id);

    /** Ends the session the caller came with; nothing happens without one. */
    void logout(Caller caller);
}
