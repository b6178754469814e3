package org.mtmanager.api.user;

import org.mtmanager.api.Caller;

/**
 * TOTP two-factor authentication (RFC 6238) of the platform's users. A user enrols itself, then confirms with a
 * first valid code; from then on every login needs a code (or a recovery code, once each). An administrator of the
 * user's subtree can reset it. Every change is audited.
 */
public interface TwoFactorService {

    /**
     * Starts (or restarts, while unconfirmed) the caller's enrolment.
     *
     * @throws org.mtmanager.api.MtmException CONFLICT when two-factor authentication is already on
     */
    TwoFactorEnrolment enrol(Caller caller);

    /**
     * Turns two-factor authentication on with a first valid code.
     *
     * @throws org.mtmanager.api.MtmException INVALID_FIELD (code) when the code is wrong, CONFLICT without enrolment
     */
    void confirm(Caller caller, String code);

    /** Turns a user's two-factor authentication off (an administrator of its subtree, or the user itself). */
    void reset(Caller caller, long userId);

    /** Whether the user has two-factor authentication on. */
    boolean enabled(Caller caller, long userId);
}
