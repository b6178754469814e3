package org.mtmanager.platform.scope;

import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;

/**
 * The rule for dangerous actions (a machine's upgrade and deletion, deleting an account or a user, plan change,
 * two-factor reset, token creation): the request itself must carry the user's password, and the TOTP code where
 * two-factor authentication is on. A request with HTTP Basic or a SOAP UsernameToken password carries it already; a
 * session or a token must add it ({@code X-MTM-Password} and {@code X-MTM-OTP} on REST and SOAP, a prompt or
 * {@code --password} on the console).
 * The services check it, so that no facade can forget to.
 */
public final class Reauthentication {

    private Reauthentication() {
    }

    /** @param action what is being done, for the message ("deleting a machine") */
    public static void require(Caller caller, String action) {
        if (caller.userId() != 0 && !caller.credential().reauthenticated()) {
            throw required(caller, action);
        }
    }

    /** The refusal {@link #require} throws, for a service that decides otherwise when reauthentication is needed. */
    public static MtmException required(Caller caller, String action) {
        String how = switch (caller.channel()) {
            case SHELL -> "give --password (and --otp where two-factor authentication is on), or answer the prompt";
            default -> "send it in the X-MTM-Password header (and the code in X-MTM-OTP where two-factor "
                + "authentication is on)";
        };
        return new MtmException(ErrorCode.REAUTHENTICATION_REQUIRED, "password",
            action + " is a dangerous action and needs your password again: " + how);
    }
}
