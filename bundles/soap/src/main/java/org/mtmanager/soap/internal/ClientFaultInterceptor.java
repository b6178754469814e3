package org.mtmanager.soap.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.soap.billing.v1.BillingFault;
import org.mtmanager.soap.v1.MtmFault;

/**
 * Marks a fault caused by the request (any error code below 500: bad input, a refusal, a missing record) as the
 * client's ({@code soap:Client}), as REST answers 4xx; only a fault of the platform stays {@code soap:Server}.
 */
final class ClientFaultInterceptor extends AbstractSoapInterceptor {

    ClientFaultInterceptor() {
        super(Phase.PRE_LOGICAL);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void handleMessage(SoapMessage message) {
        if (!(message.getContent(Exception.class) instanceof Fault f)) {
            return;
        }
        Object wait = message.getExchange().get(UsernameTokenInterceptor.RETRY_AFTER);
        if (wait != null) {
            // a rate limit: the same 429 and Retry-After as REST, so that HTTP clients back off alike
            f.setFaultCode(Fault.FAULT_CODE_CLIENT);
            f.setStatusCode(429);
            message.put(Message.RESPONSE_CODE, 429);
            Map<String, List<String>> headers = (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
            if (headers == null) {
                headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                message.put(Message.PROTOCOL_HEADERS, headers);
            }
            headers.put("Retry-After", List.of(String.valueOf(wait)));
            return;
        }
        Throwable t = f.getCause();
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            String code = t instanceof MtmFault m && m.getFaultInfo() != null ? m.getFaultInfo().code
                : t instanceof BillingFault b && b.getFaultInfo() != null ? b.getFaultInfo().code : null;
            if (code != null) {
                try {
                    if (ErrorCode.valueOf(code).httpStatus() < 500) {
                        f.setFaultCode(Fault.FAULT_CODE_CLIENT);
                    }
                } catch (IllegalArgumentException unknownCode) {
                    // not one of ours: leave the fault as it is
                }
                return;
            }
        }
    }
}
