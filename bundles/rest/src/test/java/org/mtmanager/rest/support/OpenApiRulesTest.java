package org.mtmanager.rest.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import javax.ws.rs.Path;
import javax.ws.rs.core.Response;

import org.junit.BeforeClass;
import org.junit.Test;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.Role;
import org.mtmanager.api.access.GrantRequest;
import org.mtmanager.api.account.AccountDraft;
import org.mtmanager.api.account.AccountType;
import org.mtmanager.api.field.FieldSpec;
import org.mtmanager.api.field.Formats;
import org.mtmanager.api.machine.MachineRequest;

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
        assertEquals(List.of("hostname", "customer", "plan"), required("MachineRequest"));
        assertEquals(List.of("company", "contact", "email", "phone", "address", "taxId"), required("CustomerData"));
        assertEquals(List.of("username", "password", "role"), required("UserDraft"));
        assertEquals(List.of(), required("AccountChange"));
    }

    @Test
    public void answersRequireWhatIsAlwaysThere() {
        assertTrue(required("Account").toString(), required("Account").contains("id"));
        assertTrue(required("Machine").toString(), required("Machine").contains("id"));
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
        assertEquals(List.of("web", "https", "ssh", "telnet", "provisioning", "custom"), property("GrantRequest", "service").get("enum"));
        assertEquals(List.of("read", "billing", "full"), property("TokenDraft", "scope").get("enum"));
    }

    @Test
    public void hostnameAndNamesCarryTheValidationLimits() {
        Map<String, Object> hostname = property("MachineRequest", "hostname");
        assertEquals(63, hostname.get("maxLength"));
        assertEquals(MachineRequest.HOSTNAME.pattern(), hostname.get("pattern"));
        Pattern p = Pattern.compile((String) hostname.get("pattern"));
        assertTrue(p.matcher("dental-madrid").matches());
        assertFalse(p.matcher("-dental").matches());
        assertFalse(p.matcher("dental.madrid").matches());
        assertEquals("dental-madrid", hostname.get("example"));
        assertEquals(100, property("AccountDraft", "name").get("maxLength"));
        assertEquals(1, property("AccountDraft", "name").get("minLength"));
        assertEquals(AccountDraft.NAME.maxLength(), property("AccountChange", "name").get("maxLength"));
        assertEquals(200, property("CustomerData", "company").get("maxLength"));
        assertEquals(1L, property("PlanDraft", "vcpu").get("minimum"));
        assertEquals(256L, property("PlanDraft", "vcpu").get("maximum"));
        assertEquals(65_535L, property("GrantRequest", "port").get("maximum"));
    }

    @Test
    public void pagingParametersCarryTheirBounds() {
        List<?> params = (List<?>) at(doc, "paths", "/machines", "get").get("parameters");
        Map<String, Object> limit = params.stream().map(OpenApiRulesTest::map).filter(p -> "limit".equals(p.get("name")))
            .findFirst().orElseThrow();
        Map<String, Object> schema = at(limit, "schema");
        assertEquals("integer", schema.get("type"));
        assertEquals((long) PageRequest.MAX_LIMIT, schema.get("maximum"));
        assertEquals(1L, schema.get("minimum"));

        List<?> stop = (List<?>) at(doc, "paths", "/machines/{id}/stop", "post").get("parameters");
        Map<String, Object> key = stop.stream().map(OpenApiRulesTest::map).filter(p -> "Idempotency-Key".equals(p.get("name")))
            .findFirst().orElseThrow();
        assertEquals("header", key.get("in"));
        assertEquals(Formats.IDEMPOTENCY_KEY.pattern(), at(key, "schema").get("pattern"));
        assertEquals(Formats.IDEMPOTENCY_KEY.pattern(), property("Confirmation", "idempotencyKey").get("pattern"));
    }

    @Test
    public void aReferenceIsWrappedOnlyForConstraintsOfItsOwn() {
        assertEquals(Map.of("$ref", "#/components/schemas/CustomerData"), property("MachineRequest", "customer"));
    }

    /** Billing's decimals, typed as numbers, are BillingOpenApiTest's (its resources are another bundle's). */
    @Test
    public void noObjectIsFreeForm() {
        List<String> freeForm = new ArrayList<>();
        collectFreeForm(doc, "", freeForm);
        assertTrue("free-form objects in the document: " + freeForm, freeForm.isEmpty());
    }

    private static void collectFreeForm(Object node, String where, List<String> found) {
        if (node instanceof Map<?, ?> m) {
            if ("object".equals(m.get("type")) && !m.containsKey("properties") && !m.containsKey("additionalProperties")) {
                found.add(where);
            }
            m.forEach((k, v) -> collectFreeForm(v, where + "/" + k, found));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectFreeForm(v, where + "[]", found));
        }
    }

    @Test
    public void theTokenListIsAnArray() {
        Map<String, Object> s = at(doc, "paths", "/users/me/tokens", "get", "responses", "200", "content", "application/json", "schema");
        assertEquals("array", s.get("type"));
        assertEquals("#/components/schemas/ApiToken", map(s.get("items")).get("$ref"));
    }

    /** Every method answers what its Java type says: a List is an array, a Page the page object. */
    @Test
    public void everyResponseIsDocumentedAsItsJavaType() {
        List<String> wrong = new ArrayList<>();
        for (Class<?> r : ResourceClasses.all()) {
            for (Method m : r.getDeclaredMethods()) {
                String verb = OpenApi.verb(m);
                Doc d = m.getAnnotation(Doc.class);
                if (verb == null || m.getReturnType() == Response.class || d.status() == 204) {
                    continue;
                }
                Map<String, Object> s = at(doc, "paths", path(r, m), verb, "responses", String.valueOf(d.status()), "content",
                    "application/json", "schema");
                Type t = m.getGenericReturnType();
                boolean list = t instanceof ParameterizedType p && Collection.class.isAssignableFrom((Class<?>) p.getRawType());
                boolean page = t instanceof ParameterizedType p && p.getRawType() == Page.class;
                boolean documentedPage = s.get("properties") instanceof Map<?, ?> props && props.containsKey("items")
                    && props.containsKey("total");
                if (list != "array".equals(s.get("type")) || page != documentedPage) {
                    wrong.add(verb + " " + path(r, m) + " returns " + t.getTypeName() + " but is documented as " + s);
                }
                // what @Doc says of such a method must not contradict its type
                if (d.returns() != Void.class && (d.list() != list || d.page() != page || d.returns() != itemType(t))) {
                    wrong.add(r.getSimpleName() + "." + m.getName() + ": @Doc says " + d.returns().getSimpleName()
                        + (d.list() ? " list" : "") + (d.page() ? " page" : "") + " but it returns " + t.getTypeName());
                }
            }
        }
        assertTrue(String.join("\n", wrong), wrong.isEmpty());
    }

    private static Type itemType(Type t) {
        return t instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : t;
    }

    private static String path(Class<?> r, Method m) {
        Path sub = m.getAnnotation(Path.class);
        return OpenApi.join(r.getAnnotation(Path.class).value(), sub == null ? "" : sub.value());
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

    /**
     * Every rule a value declares, which the core validates with, is in the document: the rules cannot drift
     * apart, and none names a field its value does not have.
     */
    @Test
    public void everyDeclaredRuleIsInTheDocument() {
        Set<Class<?>> records = new LinkedHashSet<>();
        for (Class<?> r : ResourceClasses.all()) {
            for (Method m : r.getDeclaredMethods()) {
                Doc d = m.getAnnotation(Doc.class);
                if (d != null) {
                    collectRecords(d.body(), records);
                    collectRecords(OpenApi.responseType(m), records);
                }
            }
        }
        List<String> drift = new ArrayList<>();
        int rules = 0;
        for (Class<?> c : records) {
            Set<String> components = new LinkedHashSet<>();
            Set<String> primitives = new LinkedHashSet<>();
            for (RecordComponent rc : c.getRecordComponents()) {
                components.add(rc.getName());
                if (rc.getType().isPrimitive()) {
                    primitives.add(rc.getName());
                }
            }
            for (FieldSpec spec : OpenApiSchemas.specs(c).values()) {
                rules++;
                String where = c.getSimpleName() + "." + spec.property();
                if (!components.contains(spec.property())) {
                    drift.add(where + ": a rule for a field the value does not have");
                    continue;
                }
                Map<String, Object> p = property(c.getSimpleName(), spec.property());
                check(drift, where, "maxLength", spec.maxLength() > 0 ? spec.maxLength() : null, p.get("maxLength"));
                check(drift, where, "pattern", spec.pattern(), p.get("pattern"));
                check(drift, where, "enum", spec.values().isEmpty() ? null : spec.values(), p.get("enum"));
                check(drift, where, "minimum", spec.minimum(), p.get("minimum"));
                check(drift, where, "maximum", spec.maximum(), p.get("maximum"));
                check(drift, where, "required", spec.required() || primitives.contains(spec.property()),
                    required(c.getSimpleName()).contains(spec.property()));
            }
        }
        assertTrue("expected the rules of many fields, found " + rules, rules > 40);
        assertTrue(String.join("\n", drift), drift.isEmpty());
    }

    private static void check(List<String> drift, String where, String what, Object declared, Object documented) {
        if (!Objects.equals(declared, documented)) {
            drift.add(where + ": " + what + " is " + declared + " in the rule but " + documented + " in the document");
        }
    }

    private static void collectRecords(Type t, Set<Class<?>> found) {
        if (t instanceof ParameterizedType p) {
            collectRecords(p.getRawType(), found);
            Arrays.stream(p.getActualTypeArguments()).forEach(a -> collectRecords(a, found));
        } else if (t instanceof Class<?> c && c.isArray()) {
            collectRecords(c.getComponentType(), found);
        } else if (t instanceof Class<?> c && c.isRecord() && c != Page.class && found.add(c)) {
            for (RecordComponent rc : c.getRecordComponents()) {
                collectRecords(rc.getGenericType(), found);
            }
        }
    }

    @Test
    public void examplesAreValidValues() {
        for (String schema : List.of("MachineRequest", "CustomerData", "AccountDraft", "PlanDraft")) {
            at(doc, "components", "schemas", schema, "properties").forEach((name, s) -> {
                Map<String, Object> p = map(s);
                if (p.get("example") instanceof String ex && p.get("pattern") instanceof String pattern) {
                    assertTrue(schema + "." + name + ": " + ex, Pattern.compile(pattern).matcher(ex).matches());
                }
                if (p.get("example") instanceof String ex && p.get("maxLength") instanceof Integer max) {
                    assertTrue(schema + "." + name + ": " + ex, ex.length() <= max);
                }
            });
        }
        assertTrue(property("CustomerData", "email").containsKey("example"));
        assertTrue(property("GrantRequest", "source").containsKey("example"));
        assertEquals(GrantRequest.SERVICE.values().get(0), property("GrantRequest", "service").get("example"));
    }
}
