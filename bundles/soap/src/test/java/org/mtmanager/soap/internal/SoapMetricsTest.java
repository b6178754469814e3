package org.mtmanager.soap.internal;

import static org.junit.Assert.assertEquals;

import javax.xml.namespace.QName;

import org.apache.cxf.interceptor.Fault;
import org.junit.Test;

/** A SOAP answer's outcome: the platform's fault (Server, Receiver), or the request's (any other code). */
public class SoapMetricsTest {
    private static Fault fault(String code) {
        Fault f = new Fault(new IllegalStateException("refused"));
        f.setFaultCode(new QName("http://schemas.xmlsoap.org/soap/envelope/", code));
        return f;
    }

    @Test
    public void theOutcomeIsTheFaultsSide() {
        assertEquals("ok", SoapMetrics.outcome(null));
        assertEquals("client_fault", SoapMetrics.outcome(fault("Client")));
        assertEquals("client_fault", SoapMetrics.outcome(fault("Sender")));
        assertEquals("server_fault", SoapMetrics.outcome(fault("Server")));
        assertEquals("server_fault", SoapMetrics.outcome(fault("Receiver")));
        Fault refused = new Fault(new IllegalStateException("wrong password"));
        refused.setFaultCode(new QName("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd",
            "FailedAuthentication"));
        assertEquals("client_fault", SoapMetrics.outcome(refused));
        assertEquals("server_fault", SoapMetrics.outcome(new IllegalStateException("not a fault")));
    }
}
