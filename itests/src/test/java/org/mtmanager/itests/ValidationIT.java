package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
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
        assertEquals(r.toString(), code, body.get("error").asText());
        if (field != null) {
            assertEquals(r.toString(), field, body.get("field").asText());
        }
        assertTrue(r.toString(), !r.body().contains("Exception") && !r.body().contains("\tat "));
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
