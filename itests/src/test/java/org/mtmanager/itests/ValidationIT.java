package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/** Bad input gets a clear 4xx (or fault) naming the field, on every facade, and changes nothing. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ValidationIT extends MtmTestSupport {

    private void expect(Http.Response r, int status, String code, String field) {
        assertEquals(r.toString(), status, r.status());
        JsonNode body = r.json();
        assertTrue(r.headers() + " " + r, body.has("error"));
        assertEquals(r.toString(), code, body.get("error").asText());
        if (field != null) {
            assertEquals(r.toString(), field, body.get("field").asText());
        }
        assertTrue(r.toString(), !r.body().contains("Exception") && !r.body().contains("\tat "));
        for (String internal : new String[] {"org.mtmanager", "java.", "Cannot deserialize", "bound as", "\"servlet\""}) {
            assertFalse("no Java internals: " + r, r.body().contains(internal));
        }
    }

    @Test
    public void datesOutsideWhatTheDatabaseStoresAreA400NamingTheField() throws Exception {
        Http admin = admin();
        String far = "%2B100000-01-01T00:00:00Z";
        expect(admin.get(API + "/audit?from=" + far), 400, "INVALID_FIELD", "from");
        expect(admin.get(API + "/audit?to=%2B10000-01-01T00:00:00Z"), 400, "INVALID_FIELD", "to");
        expect(admin.get(API + "/audit/export?from=" + far), 400, "INVALID_FIELD", "from");
        int tokens = ok(admin.get(API + "/users/me/tokens")).size();
        expect(admin.post(API + "/users/me/tokens", Map.of("name", unique("t"), "scope", "read", "expiresAt", "+100000-01-01T00:00:00Z")),
            400, "INVALID_FIELD", "expiresAt");
        assertEquals(tokens, ok(admin.get(API + "/users/me/tokens")).size());
        assertEquals(200, admin.get(API + "/audit?from=1970-01-01T00:00:00Z&to=9999-12-31T00:00:00Z").status());
    }

    @Test
    public void ambiguousJsonIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        Http admin = admin();
        long before = ok(admin.get(API + "/accounts?limit=1")).get("total").asLong();
        expect(admin.post(API + "/accounts", "{\"type\":\"reseller\",\"name\":\"A\"}{\"type\":\"reseller\",\"name\":\"B\"}"),
            400, "MALFORMED_REQUEST", null);
        expect(admin.post(API + "/accounts", "{\"type\":\"reseller\",\"name\":12345}"), 400, "INVALID_FIELD", "name");
        expect(admin.post(API + "/accounts", "{\"type\":\"reseller\",\"name\":\"Evil\\uffffName\"}"), 400, "INVALID_FIELD", "name");
        expect(admin.post(API + "/accounts", "{\"type\":\"reseller\",\"name\":\"Fz\\ud800x\"}"), 400, "INVALID_FIELD", "name");
        assertEquals(before, ok(admin.get(API + "/accounts?limit=1")).get("total").asLong());

        long id = ok(admin.post(API + "/accounts", Map.of("type", "reseller", "name", unique("V")))).get("id").asLong();
        expect(admin.patch(API + "/accounts/" + id, "{\"name\":\"Evil\\uffffName\"}"), 400, "INVALID_FIELD", "name");
        expect(admin.put(API + "/accounts/" + id + "/two-factor", "{\"required\": 9223372036854775808}"), 400, "INVALID_FIELD", "required");
        expect(admin.put(API + "/accounts/" + id + "/two-factor", "{\"required\": 1}"), 400, "INVALID_FIELD", "required");
        assertFalse(ok(admin.get(API + "/accounts/" + id)).get("twoFactorRequired").asBoolean());
        for (String cidr : new String[] {"01.02.03.04", "fe80::1%eth0"}) {
            expect(admin.post(API + "/accounts/" + id + "/whitelist", Map.of("cidr", cidr)), 400, "INVALID_FIELD", "cidr");
        }
        assertEquals(0, ok(admin.get(API + "/accounts/" + id + "/whitelist")).size());
        // what every tenant above sees over SOAP is still well-formed XML (Soap.raw parses it)
        Soap.Reply list = soap("admin", adminPassword()).call("listAccounts", "<v1:limit>500</v1:limit>");
        assertFalse(list.raw(), list.isFault());

        Map<String, Object> user = new HashMap<>(Map.of("username", unique("n"), "password", 12345678901234L, "role", "viewer"));
        long users = ok(admin.get(API + "/users?limit=1")).get("total").asLong();
        expect(admin.post(API + "/users", user), 400, "INVALID_FIELD", "password");
        assertEquals(users, ok(admin.get(API + "/users?limit=1")).get("total").asLong());

        Map<String, Object> plan = new HashMap<>(Map.of("name", "Float", "tier", 77, "vcpu", 2, "memoryMb", 2048,
            "diskGb", 1.5, "maxExtensions", 10, "maxTenants", 1, "maxConcurrentCalls", 5));
        int plans = ok(admin.get(API + "/plans")).size();
        expect(admin.post(API + "/plans", plan), 400, "INVALID_FIELD", "diskGb");
        assertEquals(plans, ok(admin.get(API + "/plans")).size());
    }

    @Test
    public void filtersByAnIdOutsideTheSubtreeAreNotFoundLikeDirectReads() throws Exception {
        String pw = "long-enough-pw-1";
        String alpha = unique("fa");
        createAccountWithAdmin("reseller", unique("Alpha"), alpha, pw);
        long beta = createAccountWithAdmin("reseller", unique("Beta"), unique("fb"), pw);
        Http reseller = http(alpha, pw);
        expect(reseller.get(API + "/audit?accountId=" + beta), 404, "NOT_FOUND", null);
        expect(reseller.get(API + "/audit/export?accountId=" + beta), 404, "NOT_FOUND", null);
        expect(reseller.get(API + "/users?accountId=" + beta), 404, "NOT_FOUND", null);
        expect(reseller.get(API + "/machines?accountId=" + beta), 404, "NOT_FOUND", null);
        expect(reseller.get(API + "/jobs?machineId=999999"), 404, "NOT_FOUND", null);
        expect(reseller.get(API + "/did-routes?machineId=999999"), 404, "NOT_FOUND", null);
        assertEquals(200, admin().get(API + "/audit?accountId=" + beta).status());
    }

    @Test
    public void everyAnswerUnderTheApiPathHasTheApiErrorShape() throws Exception {
        Http admin = admin();
        for (String path : new String[] {"/accounts/..%2F..%2F..%2F..%2Fetc%2Fpasswd", "/..%2F..%2Fx", "/accounts/..%2F..%2F",
            "/accounts/%2e%2e%2F%2e%2e%2F%2e%2e%2Fsystem"}) {
            Http.Response r = admin.get(API + path);
            assertTrue(path + ": " + r, r.status() == 404 || r.status() == 400);
            assertTrue(path + ": " + r, r.headers().getOrDefault("content-type", "").startsWith("application/json"));
            expect(r, r.status(), r.status() == 404 ? "NOT_FOUND" : "MALFORMED_REQUEST", null);
        }
    }

    /**
     * Jetty answers some requests itself, before any servlet runs: a request line or headers over its limits, a
     * bad percent-encoding, an unknown protocol version. Under the API's path they have the API's error shape too.
     */
    @Test
    public void whatTheWebServerRefusesByItselfHasTheApiErrorShape() throws Exception {
        Http admin = admin();
        jettyError(admin.get(API + "/accounts/" + "a".repeat(20_000)), 414, "the request line is too long");
        jettyError(admin.withHeader("X-Padding", "p".repeat(20_000)).get(API + "/accounts"), 431,
            "the request headers are too large");
        jettyError(admin.get(API + "/accounts/%zz"), 400, "malformed");
        jettyError(admin.raw("GET " + API + "/accounts HTTP/7.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
            505, "the HTTP version is not supported");
        Http.Response nul = admin.get(API + "/accounts/%00");
        assertTrue(nul.toString(), nul.status() == 400 || nul.status() == 404);
        expect(nul, nul.status(), nul.status() == 404 ? "NOT_FOUND" : "MALFORMED_REQUEST", null);
        assertTrue(nul.toString(), nul.headers().getOrDefault("content-type", "").startsWith("application/json"));
        // elsewhere, where the path is known, Jetty's own answer stays
        Http.Response portal = admin.withHeader("X-Padding", "p".repeat(20_000)).get("/mtm/portal/");
        assertEquals(portal.toString(), 431, portal.status());
        assertFalse(portal.toString(), portal.headers().getOrDefault("content-type", "").startsWith("application/json"));
    }

    private void jettyError(Http.Response r, int status, String message) {
        expect(r, status, "MALFORMED_REQUEST", null);
        assertTrue(r.toString(), r.headers().getOrDefault("content-type", "").startsWith("application/json"));
        assertTrue(r.toString(), r.json().get("message").asText().contains(message));
        assertTrue(r.toString(), r.json().has("field") && r.json().get("field").isNull());
        assertFalse(r.toString(), r.body().toLowerCase(Locale.ROOT).contains("jetty"));
    }

    @Test
    public void booleanQueryParametersAreExactlyTrueOrFalse() throws Exception {
        Http admin = admin();
        for (String path : new String[] {"/reconcile", "/firewall/sync"}) {
            for (String bad : new String[] {"", "no", "False", "0"}) {
                expect(admin.post(API + path + "?repair=" + bad, "{}"), 400, "INVALID_FIELD", "repair");
            }
        }
        expect(admin.delete(API + "/machines/999999?confirm=yes"), 400, "INVALID_FIELD", "confirm");
    }

    @Test
    public void soapRefusesWhatIsNotSoapOrTooLargeAsClientFaultsAndLogsThemBriefly() throws Exception {
        Path log = Paths.get(System.getProperty("karaf.data"), "log", "karaf.log");
        assertTrue(log.toString(), Files.exists(log));
        long size = Files.size(log);
        Soap soap = soap("admin", adminPassword());
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>%s"
            + "</soapenv:Body></soapenv:Envelope>";
        for (String padding : new String[] {"<!--" + "x".repeat(5_000_000) + "-->", " ".repeat(5_000_000)}) {
            Soap.Reply big = soap.raw(String.format(envelope, padding));
            assertTrue(big.raw(), big.isFault());
            assertTrue(big.raw(), big.raw().contains("soap:Client"));
        }
        Http http = new Http(httpPort(), null, null, "127.0.0.1");
        for (String query : new String[] {"?wsdl=../../../../etc/passwd", "?xsd=file:///etc/passwd",
                "?WSDL=../../../../etc/passwd", "?Xsd=file:///etc/passwd", "?%77sdl=../../../../etc/passwd",
                "?a=1&%57SDL=../../../../etc/passwd"}) {
            Http.Response r = http.get(Soap.PATH + query);
            assertEquals(r.toString(), 404, r.status());
            assertFalse(r.body(), r.body().contains("root:"));
        }
        assertEquals(200, http.get(Soap.PATH + "?wsdl").status());
        for (String type : new String[] {"application/json", "text/plain"}) {
            Http.Response r = http.send("POST", Soap.PATH, type, String.format(envelope, ""));
            assertEquals(r.toString(), 415, r.status());
            assertTrue(r.body(), r.body().contains("soap:Client"));
        }
        Http.Response bom = http.send("POST", Soap.PATH, "text/xml; charset=UTF-16", "\ufeff" + String.format(envelope, ""));
        // the fault comes back in the request's charset, UTF-16: its ASCII letters read as UTF-8 hold NULs between
        assertTrue(bom.toString(), bom.body().replace("\0", "").contains("soap:Client"));

        String digits = "9".repeat(5_000_000);
        Soap.Reply huge = soap.call("getAccount", "<v1:id>" + digits + "</v1:id>");
        assertTrue(huge.raw().length() < 100_000 ? huge.raw() : "a long fault", huge.isFault());
        assertTrue(huge.raw().contains("soap:Client"));
        Soap.Reply wrong = soap.call("getAccount", "<v1:id>" + "9".repeat(10_000) + "</v1:id>");
        assertTrue(wrong.raw().contains("soap:Client"));
        String written = Files.readString(log).substring((int) Math.min(size, Files.size(log)));
        assertTrue("the log grew by " + written.length() + " characters", written.length() < 30_000);
        assertFalse("no value of the request is logged unbounded", written.contains("9".repeat(1_000)));
        assertFalse("a client fault logs no stack trace", written.contains("\tat org.apache.cxf"));
    }

    @Test
    public void badRestInputIsA4xxNamingTheFieldAndChangesNothing() throws Exception {
        Http admin = admin();
        long before = ok(admin.get(API + "/accounts?limit=1")).get("total").asLong();
        expect(admin.post(API + "/accounts", Map.of("type", "reseller", "name", "")), 400, "INVALID_FIELD", "name");
        expect(admin.post(API + "/accounts", Map.of("type", "reseller", "name", "x".repeat(10_000))), 400, "INVALID_FIELD", "name");
        expect(admin.post(API + "/accounts", Map.of("type", "emperor", "name", "X")), 400, "INVALID_FIELD", "type");
        expect(admin.post(API + "/accounts", Map.of("type", "reseller", "name", "X", "contactEmail", "not-an-email")),
            400, "INVALID_FIELD", "contactEmail");
        expect(admin.post(API + "/accounts", "{\"type\":\"reseller\",\"name\":"), 400, "MALFORMED_REQUEST", null);
        expect(admin.post(API + "/accounts", "{\"type\":\"reseller\",\"nmae\":\"X\"}"), 400, "INVALID_FIELD", "nmae");
        expect(admin.post(API + "/accounts", "[1,2]"), 400, "MALFORMED_REQUEST", null);
        expect(admin.send("POST", API + "/accounts", "application/json", ""), 400, "MALFORMED_REQUEST", null);
        expect(admin.send("POST", API + "/accounts", "text/plain", "name=x"), 415, "UNSUPPORTED_MEDIA_TYPE", null);
        expect(admin.get(API + "/accounts?limit=abc"), 400, "INVALID_FIELD", "limit");
        expect(admin.get(API + "/accounts?limit=100000"), 400, "INVALID_FIELD", "limit");
        expect(admin.get(API + "/accounts/not-a-number"), 400, "INVALID_FIELD", "id");
        expect(admin.delete(API + "/settings"), 405, "METHOD_NOT_ALLOWED", null);
        expect(admin.get(API + "/no-such-thing"), 404, "NOT_FOUND", null);
        assertEquals(before, ok(admin.get(API + "/accounts?limit=1")).get("total").asLong());

        Map<String, Object> user = new HashMap<>(Map.of("username", unique("u"), "password", "long-enough-pw", "role", "superuser"));
        expect(admin.post(API + "/users", user), 400, "INVALID_FIELD", "role");
        user.put("role", "viewer");
        user.put("password", "short");
        expect(admin.post(API + "/users", user), 400, "INVALID_FIELD", "password");

        Map<String, Object> plan = new HashMap<>(Map.of("name", "XL", "tier", 9, "vcpu", -2, "memoryMb", 16384,
            "diskGb", 160, "maxExtensions", 1000, "maxTenants", 20, "maxConcurrentCalls", 120));
        int plans = ok(admin.get(API + "/plans")).size();
        expect(admin.post(API + "/plans", plan), 400, "INVALID_FIELD", "vcpu");
        plan.put("vcpu", "eight");
        expect(admin.post(API + "/plans", plan), 400, "INVALID_FIELD", "vcpu");
        plan.put("vcpu", 8);
        plan.put("memoryMb", 1024);
        expect(admin.post(API + "/plans", plan), 422, "RULE_VIOLATION", "memoryMb");
        assertEquals(plans, ok(admin.get(API + "/plans")).size());
        plan.put("memoryMb", 16384);
        assertEquals(201, admin.post(API + "/plans", plan).status());

        expect(http("admin", "wrong-password-x").get(API + "/accounts"), 401, "UNAUTHENTICATED", null);
        expect(new Http(httpPort(), null, null, "127.0.0.1").get(API + "/accounts"), 401, "UNAUTHENTICATED", null);
    }

    @Test
    public void badSoapInputIsAClientFaultWithTheSameCodes() throws Exception {
        Soap soap = soap("admin", adminPassword());
        Soap.Reply empty = soap.call("createAccount", "<v1:account><v1:type>reseller</v1:type><v1:name></v1:name></v1:account>");
        assertTrue(empty.isFault());
        assertEquals("INVALID_FIELD", empty.faultCode());
        assertEquals("name", empty.text("field"));
        assertTrue(empty.raw(), empty.raw().contains("soap:Client"));

        Soap.Reply role = soap.call("createUser", "<v1:user><v1:username>" + unique("s") + "</v1:username>"
            + "<v1:password>long-enough-pw</v1:password><v1:role>superuser</v1:role></v1:user>");
        assertEquals("INVALID_FIELD", role.faultCode());
        assertEquals("role", role.text("field"));

        Soap.Reply cidr = soap.call("addToWhitelist", "<v1:accountId>1</v1:accountId><v1:cidr>10.0.0.300/8</v1:cidr>");
        assertEquals("INVALID_FIELD", cidr.faultCode());

        Soap.Reply malformed = soap.raw("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><broken>");
        assertTrue(malformed.isFault());
        assertTrue(malformed.raw(), malformed.raw().contains("soap:Client"));

        assertEquals("SS", soap.call("getPlan", "<v1:id>1</v1:id>").text("name"));
        assertEquals("PER_USER", soap.call("getApp", "<v1:key>cloudphone</v1:key>").text("licenceType"));
        assertEquals("NOT_FOUND", soap.call("getApp", "<v1:key>nope</v1:key>").faultCode());
        assertEquals(4, soap.call("listPlans", "").count("plan"));

        Soap.Reply noToken = soap(null, null).call("listPlans", "");
        assertEquals("UNAUTHENTICATED", noToken.faultCode());
        Soap.Reply wrong = soap("admin", "wrong-password-y").call("listPlans", "");
        assertEquals("UNAUTHENTICATED", wrong.faultCode());
    }

    @Test
    public void badConsoleInputNamesTheField() throws Exception {
        String pw = adminPassword();
        ShellResult emptyName = shellAs("admin", pw, "mtm:account-create --type reseller ''");
        assertTrue(emptyName.failed());
        assertTrue(emptyName.errorMessage(), emptyName.errorMessage().startsWith("INVALID_FIELD [name]"));
        ShellResult role = shellAs("admin", pw, "mtm:user-add --role superuser --password long-enough-pw " + unique("c"));
        assertTrue(role.errorMessage(), role.errorMessage().startsWith("INVALID_FIELD [role]"));
        ShellResult cidr = shellAs("admin", pw, "mtm:whitelist --add 300.1.1.1 platform");
        assertTrue(cidr.errorMessage(), cidr.errorMessage().startsWith("INVALID_FIELD [cidr]"));
        ShellResult plan = shellAs("admin", pw, "mtm:plan-set --tier 20 --vcpu -1 --memory-mb 1 --disk-gb 1 "
            + "--max-extensions 1 --max-tenants 1 --max-calls 1 Tiny");
        assertTrue(plan.errorMessage(), plan.errorMessage().startsWith("INVALID_FIELD [vcpu]"));
    }
}
