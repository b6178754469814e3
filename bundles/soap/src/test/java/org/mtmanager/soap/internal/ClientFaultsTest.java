package org.mtmanager.soap.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.MalformedInputException;
import java.util.ResourceBundle;

import javax.xml.bind.UnmarshalException;
import javax.xml.stream.XMLStreamException;

import org.apache.cxf.common.i18n.Message;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.MessageImpl;
import org.junit.Test;
import org.mtmanager.soap.v1.FaultInfo;
import org.mtmanager.soap.v1.MtmFault;

/** Which faults are the client's, for the answer and for the log, and how long a logged message may be. */
public class ClientFaultsTest {

    private static MtmFault ours(String code) {
        FaultInfo info = new FaultInfo();
        info.code = code;
        return new MtmFault("m", info);
    }

    @Test
    public void ourFaultsAreTheClientsByTheirCode() {
        assertTrue(ClientFaults.isClient(new Fault(ours("INVALID_FIELD"))));
        assertTrue(ClientFaults.isClient(new Fault(ours("NOT_FOUND"))));
        assertFalse(ClientFaults.isClient(new Fault(ours("INTERNAL"))));
        assertEquals("INVALID_FIELD", ClientFaults.code(new Fault(new RuntimeException(ours("INVALID_FIELD")))));
    }

    @Test
    public void aRequestThatCannotBeReadIsTheClients() {
        assertTrue("over a limit, or not XML", ClientFaults.isClient(new Fault(new XMLStreamException("Maximum Number of Characters Exceeded"))));
        assertTrue("a value JAXB cannot bind", ClientFaults.isClient(new Fault(new UnmarshalException("Not a number: 999"))));
        assertTrue("a byte-order mark that contradicts the charset", ClientFaults.isClient(
            new Fault(new RuntimeException(new MalformedInputException(1)))));
        assertTrue("CXF's own refusal of a message", ClientFaults.isClient(new Fault(new Message("NO_OPERATION", (ResourceBundle) null))));
    }

    private static MessageImpl get(String query) {
        MessageImpl in = new MessageImpl();
        in.put(MessageImpl.HTTP_REQUEST_METHOD, "GET");
        in.put(MessageImpl.QUERY_STRING, query);
        return in;
    }

    @Test
    public void aDocumentQueryIsRecognisedAsCxfRecognisesItWhateverItsSpelling() {
        for (String query : new String[] {"wsdl=../../etc/passwd", "xsd=file:///etc/passwd", "WSDL=../../etc/passwd",
                "Xsd=x", "%77sdl=../../etc/passwd", "%58SD=x", "a=1&wsdl=x", "a=1&WsDl", "wsdl"}) {
            assertTrue(query, ClientFaultInterceptor.isDocumentQuery(get(query)));
        }
        for (String query : new String[] {"a=wsdl", "wsdlx=1", "x=xsd&y=1", ""}) {
            assertFalse(query, ClientFaultInterceptor.isDocumentQuery(get(query)));
        }
        MessageImpl post = get("wsdl=x");
        post.put(MessageImpl.HTTP_REQUEST_METHOD, "POST");
        assertFalse(ClientFaultInterceptor.isDocumentQuery(post));
    }

    @Test
    public void aFaultMarkedAsTheClientsWhereItWasRaisedIsTheClients() {
        Fault notSoap = new Fault(new IllegalArgumentException("unsupported media type"));
        assertFalse(ClientFaults.isClient(notSoap));
        notSoap.setFaultCode(Fault.FAULT_CODE_CLIENT);
        assertTrue(ClientFaults.isClient(notSoap));
    }

    @Test
    public void anythingElseIsThePlatformsAndKeepsItsStackTrace() {
        assertFalse(ClientFaults.isClient(new Fault(new IllegalStateException("database down"))));
        assertFalse(ClientFaults.isClient(new NullPointerException()));
    }

    @Test
    public void aLoggedMessageIsOneBoundedLine() {
        String huge = "9".repeat(5_000_000);
        String line = FaultLog.bounded("Unmarshalling Error: Not a number: " + huge + "\n\tat x");
        assertTrue(line.length() < FaultLog.MESSAGE_MAX + 40);
        assertFalse(line.contains("\n"));
        assertTrue(line, line.endsWith("(5000041 characters)"));
        assertEquals("short one", FaultLog.bounded("short\none"));
        assertEquals("", FaultLog.bounded(null));
    }

    @Test
    public void onlySoapMediaTypesAreSoap() {
        assertTrue(SoapMediaTypeInterceptor.isSoap("text/xml; charset=UTF-8"));
        assertTrue(SoapMediaTypeInterceptor.isSoap("TEXT/XML"));
        assertTrue(SoapMediaTypeInterceptor.isSoap("application/soap+xml;charset=utf-8;action=\"x\""));
        for (String other : new String[] {"application/json", "text/plain", "application/xml", "", null}) {
            assertFalse(other, SoapMediaTypeInterceptor.isSoap(other));
        }
    }
}
