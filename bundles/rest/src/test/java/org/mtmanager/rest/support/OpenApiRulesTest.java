package org.mtmanager.rest.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.BeforeClass;
import org.junit.Test;
import org.mtmanager.api.Role;
import org.mtmanager.api.account.AccountDraft;
import org.mtmanager.api.account.AccountType;

/** The rules, types and credentials the OpenAPI document publishes, against the declarations they come from. */
public class OpenApiRulesTest {
    private static Map<String, Object> doc;

    @BeforeClass
    public static void build() {
        doc = OpenApi.document("MT Manager API", "1.0.0", "/mtm/api/v1", ResourceClasses.all());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        assertTrue("expected a JSON object but got " + o, o instanceof Map);
        return (Map<String, Object>) o;
    }

    static Map<String, Object> at(Map<String, Object> root, String... keys) {
        Map<String, Object> m = root;
        for (String k : keys) {
            assertTrue("missing key " + k + " in " + m.keySet(), m.containsKey(k));
            m = map(m.get(k));
        }
        return m;
    }

    private static Map<String, Object> property(String schema, String property) {
        return at(doc, "components", "schemas", schema, "properties", property);
    }

    private static List<?> required(String schema) {
        Object r = at(doc, "components", "schemas", schema).get("required");
        return r == null ? List.of() : (List<?>) r;
    }

    @Test
    public void draftsListTheirRequiredFields() {
        assertEquals(List.of("type", "name"), required("AccountDraft"));
        assertEquals(List.of("username", "password", "role"), required("UserDraft"));
        assertEquals(List.of(), required("AccountChange"));
    }

    @Test
    public void answersRequireWhatIsAlwaysThere() {
        assertTrue(required("Account").toString(), required("Account").contains("id"));
        assertEquals(List.of("items", "offset", "limit", "total"),
            at(doc, "paths", "/accounts", "get", "responses", "200", "content", "application/json", "schema").get("required"));
    }

    @Test
    public void aPartialUpdateRequiresNothing() {
        assertEquals(8, required("PlanDraft").size());
        assertEquals(List.of(), required("PlanDraft" + OpenApiSchemas.PARTIAL));
        assertEquals("#/components/schemas/PlanDraftPartial",
            at(doc, "paths", "/plans/{id}", "patch", "requestBody", "content", "application/json", "schema").get("$ref"));
        assertEquals("#/components/schemas/PlanDraft",
            at(doc, "paths", "/plans", "post", "requestBody", "content", "application/json", "schema").get("$ref"));
        assertEquals(List.of(), required("AppDraft" + OpenApiSchemas.PARTIAL));
    }

    @Test
    public void enumerationsComeFromTheEnumsAndCatalogues() {
        assertEquals(Arrays.stream(AccountType.values()).map(AccountType::wireName).toList(), property("AccountDraft", "type").get("enum"));
        assertEquals(Arrays.stream(Role.values()).map(Role::wireName).toList(), property("UserDraft", "role").get("enum"));
        assertEquals(List.of("read", "billing", "full"), property("TokenDraft", "scope").get("enum"));
    }

    @Test
    public void namesCarryTheValidationLimits() {
        assertEquals(100, property("AccountDraft", "name").get("maxLength"));
        assertEquals(1, property("AccountDraft", "name").get("minLength"));
        assertEquals(AccountDraft.NAME.maxLength(), property("AccountChange", "name").get("maxLength"));
        assertEquals(1L, property("PlanDraft", "vcpu").get("minimum"));
        assertEquals(256L, property("PlanDraft", "vcpu").get("maximum"));
    }

    @Test
    public void theTokenListIsAnArray() {
        Map<String, Object> s = at(doc, "paths", "/users/me/tokens", "get", "responses", "200", "content", "application/json", "schema");
        assertEquals("array", s.get("type"));
        assertEquals("#/components/schemas/ApiToken", map(s.get("items")).get("$ref"));
    }

    @Test
    public void everyWayToAuthenticateIsASecurityScheme() {
        Map<String, Object> schemes = at(doc, "components", "securitySchemes");
        assertEquals(Map.of("type", "http", "scheme", "bearer"), subset(at(schemes, "bearer"), "type", "scheme"));
        assertEquals(Map.of("type", "http", "scheme", "basic"), subset(at(schemes, "basic"), "type", "scheme"));
        assertEquals(Map.of("type", "apiKey", "in", "cookie", "name", AuthFilter.SESSION_COOKIE),
            subset(at(schemes, "session"), "type", "in", "name"));
        assertEquals(Map.of("type", "apiKey", "in", "header", "name", AuthFilter.CSRF_HEADER),
            subset(at(schemes, "csrf"), "type", "in", "name"));
        List<?> change = (List<?>) at(doc, "paths", "/accounts", "post").get("security");
        assertTrue(change.toString(), change.contains(Map.of("session", List.of(), "csrf", List.of())));
        assertTrue(change.toString(), change.contains(Map.of("bearer", List.of())));
        List<?> read = (List<?>) at(doc, "paths", "/accounts", "get").get("security");
        assertTrue(read.toString(), read.contains(Map.of("session", List.of())));
        assertEquals(List.of(), at(doc, "paths", "/health", "get").get("security"));
        assertEquals(List.of(), at(doc, "paths", "/sessions", "post").get("security"));
    }

    private static Map<String, Object> subset(Map<String, Object> m, String... keys) {
        Map<String, Object> s = new LinkedHashMap<>();
        for (String k : keys) {
            s.put(k, m.get(k));
        }
        return s;
    }

    @Test
    public void examplesAreValidValues() {
        OpenApiContract.examplesAreValid(doc, "AccountDraft", "PlanDraft");
    }
}
