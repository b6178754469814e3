package org.mtmanager.api.user;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;

/**
 * Authenticates users for every facade. The portal whitelist of the claimed user's account is checked first,
 * so a request from an address off the list is refused ({@link org.mtmanager.api.ErrorCode#IP_NOT_ALLOWED})
 * before the password is looked at. Failures count toward a lockout, and every outcome is audited.
 */
public interface AuthService {

    /**
     * @param sourceIp the client address, or null where the facade has none (the local console)
     * @return the caller to pass to the services
     * @throws org.mtmanager.api.MtmException UNAUTHENTICATED, IP_NOT_ALLOWED
     */
    default Caller authenticate(String username, String password, String sourceIp, Channel channel) {
        return authenticate(username, password, null, sourceIp, channel);
    }

    /**
     * Like {@link #authenticate(String, String, String, Channel)}, with the TOTP code (or a recovery code) of a user
     * who has two-factor authentication on; a wrong code counts toward the lockout like a wrong password. On the
     * console ({@link Channel#SHELL}) a user with two-factor authentication gives {@code PASSWORD:CODE} as the
     * password when {@code otp} is null.
     *
     * @param otp the code, or null
     */
    Caller authenticate(String username, String password, String otp, String sourceIp, Channel channel);

    /**
     * Like {@link #authenticate(String, String, String, String, Channel)}, for a login that opens a session: the TOTP
     * code is spent, so that nobody can log in again with it (a stateless request, which carries the code every
     * time, may reuse it within its 30-second step). Console logins and re-authentications spend theirs too.
     */
    Caller authenticateOnce(String username, String password, String otp, String sourceIp, Channel channel);

    /**
     * Authenticates an API token ({@code mtm_<id>_<random>}): the account's portal whitelist and the token's own
     * CIDRs first (IP_NOT_ALLOWED before the secret is looked at), then the secret, revocation, expiry and the
     * user's lockout and suspension. The caller acts as the token's user narrowed to the token's scope; its use is
     * recorded on the token.
     *
     * @throws org.mtmanager.api.MtmException UNAUTHENTICATED, IP_NOT_ALLOWED
     */
    Caller authenticateToken(String token, String sourceIp, Channel channel);

    /**
     * Checks the caller's password again (and its TOTP code where two-factor authentication is on), as every
     * dangerous action requires of a request that came with a session or a token. A wrong password or code counts
     * toward the lockout like a failed login.
     *
     * @return the same caller, marked as re-authenticated for this request
     * @throws org.mtmanager.api.MtmException REAUTHENTICATION_REQUIRED (nothing given), UNAUTHENTICATED (wrong)
     */
    Caller reauthenticate(Caller caller, String password, String otp);

    /**
     * The caller for a user whose password the container has already checked (the console's JAAS login). Fails
     * like {@link #authenticate} when the user is unknown, locked or suspended.
     */
    Caller resolve(String authenticatedUsername, Channel channel);

    /** The caller for the platform's own actions (first start, scheduled work, the local console). */
    Caller system(Channel channel);
}
