package org.mtmanager.soap.support;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;

/**
 * The caller of the SOAP request under way, as the server's UsernameToken check authenticated it before the port
 * was called: every port acts as this caller, whichever bundle it comes from.
 */
public final class SoapCaller {
    /** Where the check leaves the caller: on the message's exchange. */
    public static final String EXCHANGE_KEY = "mtm.caller";

    private SoapCaller() {
    }

    /** The authenticated caller of the current message; refused as UNAUTHENTICATED when there is none. */
    public static Caller current() {
        Message m = PhaseInterceptorChain.getCurrentMessage();
        Caller caller = m == null ? null : (Caller) m.getExchange().get(EXCHANGE_KEY);
        if (caller == null) {
            throw new MtmException(ErrorCode.UNAUTHENTICATED, "a WS-Security UsernameToken is required");
        }
        return caller;
    }
}
