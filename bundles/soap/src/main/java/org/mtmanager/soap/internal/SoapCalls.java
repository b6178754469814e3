package org.mtmanager.soap.internal;

import org.mtmanager.soap.support.SoapCaller;
import org.mtmanager.soap.v1.MtmFault;

/** Runs one service call on behalf of the authenticated SOAP caller, turning errors into the contract's fault. */
final class SoapCalls {

    private SoapCalls() {
    }

    static <T> T call(SoapCaller.Call<T> call) throws MtmFault {
        return SoapCaller.call(call, MtmFault::of);
    }
}
