package org.mtmanager.soap.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;

/**
 * Marks a fault caused by the request (any error code below 500: bad input, a refusal, a missing record) as the
 * client's ({@code soap:Client}), as REST answers 4xx; only a fault of the platform stays {@code soap:Server}.
 * A request for a WSDL or schema document that is not published is a 404.
 */
final class ClientFaultInterceptor extends AbstractSoapInterceptor {

    ClientFaultInterceptor() {
        super(Phase.PRE_LOGICAL);
    }

    static boolean isDocumentQuery(Message in) {
        if (in == null || !"GET".equals(in.get(Message.HTTP_REQUEST_METHOD))) {
            return false;
        }
        String query = (String) in.get(Message.QUERY_STRING);
        return query != null && (query.startsWith("wsdl=") || query.startsWith("xsd=") || query.contains("&wsdl=")
            || query.contains("&xsd="));
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
        if (isDocumentQuery(message.getExchange().getInMessage())) {
            // ?wsdl=../../etc/passwd or ?xsd=file:///...: a document this service does not publish
            f.setFaultCode(Fault.FAULT_CODE_CLIENT);
            f.setStatusCode(404);
            message.put(Message.RESPONSE_CODE, 404);
            return;
        }
        if (ClientFaults.isClient(f)) {
            f.setFaultCode(Fault.FAULT_CODE_CLIENT);
            if (f.getStatusCode() >= 400 && f.getStatusCode() < 500) {
                // a refusal of the HTTP request itself (415 for a body that is not SOAP), as REST answers it
                message.put(Message.RESPONSE_CODE, f.getStatusCode());
            }
        }
    }
}
