package org.mtmanager.itests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Calls the SOAP AccountService over real HTTP with a WS-Security UsernameToken, as an operator's billing system
 * would, and reads the reply (or the fault's code and field) from the XML.
 */
public final class Soap {
    static final String NS = "urn:mtmanager:soap:v1";
    static final String PATH = "/mtm/soap/AccountService";

    /** The parsed reply. */
    public record Reply(int status, Document doc, String raw, Map<String, String> headers) {
        public boolean isFault() {
            return doc.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Fault").getLength() > 0;
        }

        /** The text of the first element with this local name in our namespace, or null. */
        public String text(String local) {
            NodeList nl = doc.getElementsByTagNameNS(NS, local);
            return nl.getLength() == 0 ? null : nl.item(0).getTextContent();
        }

        public int count(String local) {
            return doc.getElementsByTagNameNS(NS, local).getLength();
        }

        public String faultCode() {
            return text("code");
        }

        public String faultString() {
            NodeList nl = doc.getElementsByTagName("faultstring");
            return nl.getLength() == 0 ? null : nl.item(0).getTextContent();
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + raw;
        }
    }

    private final Http http;
    private final String user;
    private final String password;
    private final String path;

    public Soap(Http http, String user, String password) {
        this(http, user, password, PATH);
    }

    private Soap(Http http, String user, String password, String path) {
        this.http = http.as(null, null);
        this.user = user;
        this.password = password;
        this.path = path;
    }

    /** The same client for another service, e.g. "ProvisioningService". */
    public Soap service(String name) {
        return new Soap(http, user, password, "/mtm/soap/" + name);
    }

    /** Sends {@code <v1:operation>body</v1:operation>}; the body uses the v1: prefix for its elements. */
    public Reply call(String operation, String body) {
        String security = user == null ? "" : "<soapenv:Header><wsse:Security soapenv:mustUnderstand=\"1\" "
            + "xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
            + "<wsse:UsernameToken><wsse:Username>" + xml(user) + "</wsse:Username><wsse:Password Type=\""
            + "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText\">"
            + xml(password) + "</wsse:Password></wsse:UsernameToken></wsse:Security></soapenv:Header>";
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:v1=\""
            + NS + "\">" + security + "<soapenv:Body><v1:" + operation + ">" + body + "</v1:" + operation
            + "></soapenv:Body></soapenv:Envelope>";
        return raw(envelope);
    }

    public Reply raw(String envelope) {
        Http.Response r = http.send("POST", path, "text/xml; charset=UTF-8", envelope);
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
            return new Reply(r.status(), doc, r.body(), r.headers());
        } catch (Exception e) {
            throw new AssertionError("not XML: " + r, e);
        }
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
