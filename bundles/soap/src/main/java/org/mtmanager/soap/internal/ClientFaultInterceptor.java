package org.mtmanager.soap.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.common.util.UrlUtils;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;

/**
 * Marks a fault caused by the request (any error code below 500: bad input, a refusal, a missing record) as the
 * client's ({@code soap:Client}), as REST answers 4xx; only a fault of the platform stays {@code soap:Server}.
 * A request for a WSDL or schema document that is not published is a 404.
 */
final class ClientFaultInterceptor extends AbstractSoapInterceptor {

    private static final Set<String> DOCUMENT_PARAMETERS = Set.of("wsdl", "xsd");

    ClientFaultInterceptor() {
        super(Phase.PRE_LOGICAL);
    }

    /**
     * A GET that CXF's WSDL handling takes for a document request. CXF recognises one by the parameter names of
     * {@link UrlUtils#parseQueryString} ({@code wsdl} or {@code xsd}, lower-cased, so {@code ?WSDL=} too), hence the
     * same parsing here; a name that only decodes to one ({@code ?%77sdl=}) is counted as well, so that no spelling
     * of the request gets a 500 from whichever handler takes it.
     */
    static boolean isDocumentQuery(Message in) {
        if (in == null || !"GET".equals(in.get(Message.HTTP_REQUEST_METHOD))) {
            return false;
        }
        String query = (String) in.get(Message.QUERY_STRING);
        if (query == null) {
            return false;
        }
        for (String name : UrlUtils.parseQueryString(query).keySet()) {
            String decoded = UrlUtils.urlDecode(name).toLowerCase(Locale.ROOT);
            if (DOCUMENT_PARAMETERS.contains(name) || DOCUMENT_PARAMETERS.contains(decoded)) {
                return true;
            }
        }
        return false;
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
