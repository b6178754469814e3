package org.mtmanager.soap.internal;

import java.util.Locale;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Refuses a POST whose Content-Type is not SOAP's (text/xml for SOAP 1.1, application/soap+xml for 1.2) with 415
 * and a client fault: CXF would otherwise parse a body sent as application/json or text/plain as if it were SOAP.
 */
final class SoapMediaTypeInterceptor extends AbstractPhaseInterceptor<Message> {

    SoapMediaTypeInterceptor() {
        super(Phase.RECEIVE);
    }

    @Override
    public void handleMessage(Message message) {
        if (!"POST".equals(message.get(Message.HTTP_REQUEST_METHOD))) {
            return;
        }
        if (!isSoap((String) message.get(Message.CONTENT_TYPE))) {
            Fault f = new Fault(new IllegalArgumentException(
                "unsupported media type: send the request as text/xml (SOAP 1.1) or application/soap+xml (SOAP 1.2)"));
            f.setFaultCode(Fault.FAULT_CODE_CLIENT);
            f.setStatusCode(415);
            throw f;
        }
    }

    static boolean isSoap(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("text/xml") || type.equals("application/soap+xml");
    }
}
