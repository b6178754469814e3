package org.mtmanager.soap.support;

import java.util.function.Function;

import javax.servlet.http.HttpServletRequest;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
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
    /** The HTTP header that carries the TOTP code with a password given again, where two-factor authentication is on. */
    public static final String OTP_HEADER = "X-MTM-OTP";

    /** A service call that may throw {@link MtmException}, made as the SOAP caller. */
    public interface Call<T> {
        T run(Caller caller);
    }

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

    /**
     * Runs a service call as the current caller, turning the API's refusal into the port's declared fault, so that
     * every port, whichever bundle it comes from, answers an error the same way.
     */
    public static <T, F extends Exception> T call(Call<T> call, Function<MtmException, F> fault) throws F {
        try {
            return call.run(current());
        } catch (MtmException e) {
            throw fault.apply(e);
        }
    }

    /** A header of the current call's HTTP request, or null. */
    public static String httpHeader(String name) {
        Message m = PhaseInterceptorChain.getCurrentMessage();
        Object http = m == null ? null : m.get(AbstractHTTPDestination.HTTP_REQUEST);
        return http instanceof HttpServletRequest r ? r.getHeader(name) : null;
    }
}
