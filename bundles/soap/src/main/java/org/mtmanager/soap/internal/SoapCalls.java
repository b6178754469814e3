package org.mtmanager.soap.internal;

import javax.servlet.http.HttpServletRequest;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.mtmanager.api.Caller;
import org.mtmanager.api.MtmException;
import org.mtmanager.soap.support.SoapCaller;
import org.mtmanager.soap.v1.FaultInfo;
import org.mtmanager.soap.v1.MtmFault;

/** Runs one service call on behalf of the authenticated SOAP caller, turning errors into the contract's fault. */
final class SoapCalls {

    /** A service call that may throw {@link MtmException}. */
    interface Call<T> {
        T run(Caller caller);
    }

    private SoapCalls() {
    }

    static <T> T call(Call<T> call) throws MtmFault {
        try {
            return call.run(caller());
        } catch (MtmException e) {
            throw fault(e);
        }
    }

    /** The caller the UsernameToken authenticated for the current message. */
    static Caller caller() {
        return SoapCaller.current();
    }

    /** A header of the current call's HTTP request, or null. */
    static String httpHeader(String name) {
        Message m = PhaseInterceptorChain.getCurrentMessage();
        Object http = m == null ? null : m.get(AbstractHTTPDestination.HTTP_REQUEST);
        return http instanceof HttpServletRequest r ? r.getHeader(name) : null;
    }

    static MtmFault fault(MtmException e) {
        FaultInfo info = new FaultInfo();
        info.code = e.code().name();
        info.message = e.getMessage();
        info.field = e.field();
        return new MtmFault(e.getMessage(), info);
    }
}
