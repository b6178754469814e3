package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The OpenAPI document as a client fetches it, without credentials: its rules, types and credentials, and that
 * the limits it publishes are the ones the server enforces.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class OpenApiIT extends MtmTestSupport {

    private JsonNode document() {
        Http.Response r = new Http(httpPort(), null, null, "127.0.0.1").get(API + "/openapi.json");
        assertEquals(r.toString(), 200, r.status());
        return r.json();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    public void theServedDocumentCarriesRulesTypesAndCredentials() {
        JsonNode doc = document();
        JsonNode schemas = doc.path("components").path("schemas");
        assertEquals(List.of("type", "name"), texts(schemas.path("AccountDraft").path("required")));
        assertEquals(List.of("hostname", "customer", "plan"), texts(schemas.path("MachineRequest").path("required")));
        assertEquals(6, schemas.path("CustomerData").path("required").size());

        assertEquals(List.of("platform", "operator", "reseller", "distributor", "customer"),
            texts(schemas.path("AccountDraft").path("properties").path("type").path("enum")));
        assertTrue(texts(schemas.path("UserDraft").path("properties").path("role").path("enum")).contains("reseller-admin"));
        assertEquals(List.of("web", "https", "ssh", "telnet", "provisioning", "custom"),
            texts(schemas.path("GrantRequest").path("properties").path("service").path("enum")));

        JsonNode hostname = schemas.path("MachineRequest").path("properties").path("hostname");
        assertEquals(63, hostname.path("maxLength").asInt());
        assertFalse(hostname.path("pattern").asText().isEmpty());
        assertEquals(100, schemas.path("AccountDraft").path("properties").path("name").path("maxLength").asInt());

        assertEquals("number", schemas.path("Correction").path("properties").path("amount").path("type").asText());
        JsonNode tokens = doc.path("paths").path("/users/me/tokens").path("get").path("responses").path("200")
            .path("content").path("application/json").path("schema");
        assertEquals(tokens.toString(), "array", tokens.path("type").asText());

        JsonNode schemes = doc.path("components").path("securitySchemes");
        assertEquals("bearer", schemes.path("bearer").path("scheme").asText());
        assertEquals("basic", schemes.path("basic").path("scheme").asText());
        assertEquals("cookie", schemes.path("session").path("in").asText());
        assertEquals("X-CSRF-Token", schemes.path("csrf").path("name").asText());
    }

    /** What the document says of a field is what the server does with it. */
    @Test
    public void thePublishedLimitsAreTheEnforcedOnes() throws Exception {
        JsonNode props = document().path("components").path("schemas").path("AccountDraft").path("properties");
        int max = props.path("name").path("maxLength").asInt();
        String type = props.path("type").path("enum").get(2).asText();
        Http admin = admin();
        String prefix = unique("n");
        String longest = prefix + "x".repeat(max - prefix.length());
        Http.Response made = admin.post(API + "/accounts", Map.of("type", type, "name", longest));
        assertEquals(made.toString(), 201, made.status());
        Http.Response tooLong = admin.post(API + "/accounts", Map.of("type", type, "name", longest + "y"));
        assertEquals(tooLong.toString(), 400, tooLong.status());
        assertEquals("name", tooLong.json().path("field").asText());

        JsonNode hostname = document().path("components").path("schemas").path("MachineRequest").path("properties").path("hostname");
        Map<String, Object> draft = new HashMap<>(Map.of("hostname", "-" + hostname.path("example").asText(),
            "customer", customer(), "plan", "SS"));
        assertFalse("-x".matches(hostname.path("pattern").asText()));
        Http.Response bad = admin.post(API + "/machines/drafts", draft);
        assertEquals(bad.toString(), 400, bad.status());
        assertEquals("hostname", bad.json().path("field").asText());
        assertTrue(bad.toString(), bad.json().path("message").asText().contains(hostname.path("description").asText()));
    }
}
