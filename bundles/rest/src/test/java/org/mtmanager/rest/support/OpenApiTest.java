package org.mtmanager.rest.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.BeforeClass;
import org.junit.Test;
import org.mtmanager.api.Role;
import org.mtmanager.api.account.AccountType;
import org.mtmanager.rest.resource.AccountResource;

public class OpenApiTest {
    private static Map<String, Object> doc;

    @BeforeClass
    public static void build() {
        doc = OpenApi.document("MT Manager API", "1.0.0", "/mtm/api/v1", ResourceClasses.all());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertTrue("expected a JSON object but got " + o, o instanceof Map);
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> at(Map<String, Object> root, String... keys) {
        Map<String, Object> m = root;
        for (String k : keys) {
            assertTrue("missing key " + k + " in " + m.keySet(), m.containsKey(k));
            m = map(m.get(k));
        }
        return m;
    }

    private static Map<String, Object> schema(String name) {
        return at(doc, "components", "schemas", name);
    }

    /** Every JAX-RS resource method of the classes, as "verb path". */
    private static List<String> operations() {
        List<String> ops = new ArrayList<>();
        for (Class<?> r : ResourceClasses.all()) {
            Path base = r.getAnnotation(Path.class);
            assertNotNull(r.getSimpleName() + " has no @Path", base);
            for (Method m : r.getDeclaredMethods()) {
                String verb = OpenApi.verb(m);
                if (verb != null) {
                    Path sub = m.getAnnotation(Path.class);
                    ops.add(verb + " " + OpenApi.join(base.value(), sub == null ? "" : sub.value()));
                }
            }
        }
        return ops;
    }

    @Test
    public void verbAndJoinHelpers() throws Exception {
        assertEquals("/accounts/{id}", OpenApi.join("/accounts", "{id}"));
        assertEquals("/accounts", OpenApi.join("/accounts", ""));
        assertEquals("/accounts/{id}/whitelist", OpenApi.join("accounts/", "/{id}/whitelist/"));
        assertEquals("/", OpenApi.join("/", ""));
        assertEquals("get", OpenApi.verb(AccountResource.class.getMethod("get",
            HttpServletRequest.class, String.class)));
        assertNull(OpenApi.verb(Object.class.getMethod("toString")));
    }

    @Test
    public void documentListsEveryResourceMethod() {
        Map<String, Object> paths = map(doc.get("paths"));
        List<String> ops = operations();
        assertTrue("expected many operations, found " + ops, ops.size() > 30);
        List<String> missing = new ArrayList<>();
        for (String op : ops) {
            String verb = op.substring(0, op.indexOf(' '));
            String path = op.substring(op.indexOf(' ') + 1);
            Object item = paths.get(path);
            if (!(item instanceof Map<?, ?> m) || !m.containsKey(verb)) {
                missing.add(op);
            }
        }
        assertTrue("operations missing from the OpenAPI document: " + missing, missing.isEmpty());
        // and no operation is listed twice for one path (two Java methods with the same verb and path)
        assertEquals("duplicate verb+path among resource methods: " + ops, ops.size(), ops.stream().distinct().count());
        int documented = paths.values().stream().mapToInt(v -> map(v).size()).sum();
        assertEquals("the document lists exactly the resource methods", ops.size(), documented);
    }

    @Test
    public void everyResourceMethodHasDoc() {
        List<String> undocumented = new ArrayList<>();
        for (Class<?> r : ResourceClasses.all()) {
            for (Method m : r.getDeclaredMethods()) {
                if (OpenApi.verb(m) != null) {
                    Doc d = m.getAnnotation(Doc.class);
                    if (d == null || d.value().isBlank()) {
                        undocumented.add(r.getSimpleName() + "." + m.getName());
                    }
                }
            }
        }
        assertTrue("resource methods without @Doc: " + undocumented, undocumented.isEmpty());
    }

    @Test
    public void operationsCarrySummaryIdParametersAndResponses() {
        Map<String, Object> get = at(doc, "paths", "/accounts/{id}", "get");
        assertEquals("account_get", get.get("operationId"));
        assertEquals("One account", get.get("summary"));
        List<?> params = (List<?>) get.get("parameters");
        assertEquals(1, params.size());
        assertEquals("id", map(params.get(0)).get("name"));
        assertEquals("path", map(params.get(0)).get("in"));
        assertEquals(true, map(params.get(0)).get("required"));
        assertEquals("#/components/schemas/Error",
            at(get, "responses", "default", "content", "application/json", "schema").get("$ref"));
        assertEquals("#/components/schemas/Account",
            at(get, "responses", "200", "content", "application/json", "schema").get("$ref"));

        Map<String, Object> delete = at(doc, "paths", "/accounts/{id}", "delete");
        assertTrue(at(delete, "responses").containsKey("204"));

        Map<String, Object> list = at(doc, "paths", "/accounts", "get");
        Map<String, Object> page = at(list, "responses", "200", "content", "application/json", "schema");
        assertEquals("object", page.get("type"));
        assertEquals(List.of("items", "limit", "next", "offset", "total"), new ArrayList<>(at(page, "properties").keySet()));
        assertTrue(((List<?>) list.get("parameters")).stream()
            .anyMatch(p -> "limit".equals(map(p).get("name")) && "query".equals(map(p).get("in"))));
    }

    @Test
    public void requestBodiesAreRecordSchemas() {
        Map<String, Object> body = at(doc, "paths", "/accounts", "post", "requestBody");
        assertEquals(true, body.get("required"));
        assertEquals("#/components/schemas/AccountDraft", at(body, "content", "application/json", "schema").get("$ref"));
        assertTrue(at(doc, "paths", "/accounts", "post", "responses").containsKey("201"));

        Map<String, Object> draft = schema("AccountDraft");
        assertEquals("object", draft.get("type"));
        Map<String, Object> props = at(draft, "properties");
        assertEquals(List.of("contactEmail", "name", "parentId", "type").stream().sorted().toList(),
            props.keySet().stream().sorted().toList());
        assertEquals(Map.of("type", "integer", "format", "int64"), props.get("parentId"));
        assertEquals("string", map(props.get("name")).get("type"));

        // an array body
        Map<String, Object> wl = at(doc, "paths", "/accounts/{id}/whitelist", "put", "requestBody", "content",
            "application/json", "schema");
        assertEquals("array", wl.get("type"));
        assertEquals("#/components/schemas/WhitelistEntry", map(wl.get("items")).get("$ref"));
        assertFalse(at(schema("WhitelistEntry"), "properties").isEmpty());

        // nested record bodies of resources (PasswordChange, SettingValue) are schemas as well
        assertTrue(at(schema("PasswordChange"), "properties").containsKey("newPassword"));
        assertTrue(at(schema("SettingValue"), "properties").containsKey("value"));
    }

    @Test
    public void enumsAndInstantsUseWireFormats() {
        Map<String, Object> role = at(schema("User"), "properties", "role");
        assertEquals("string", role.get("type"));
        List<String> wire = Arrays.stream(Role.values()).map(Role::wireName).toList();
        assertEquals(wire, role.get("enum"));
        assertTrue(wire.contains("platform-admin"));
        assertTrue(wire.contains("reseller-admin"));

        Map<String, Object> type = at(schema("Account"), "properties", "type");
        assertEquals(Arrays.stream(AccountType.values()).map(AccountType::wireName).toList(), type.get("enum"));
        assertEquals(Map.of("type", "string", "format", "date-time"), at(schema("Account"), "properties").get("createdAt"));
    }

    @Test
    public void everySchemaReferenceResolves() {
        Map<String, Object> schemas = at(doc, "components", "schemas");
        List<String> dangling = new ArrayList<>();
        collectRefs(doc, schemas, dangling);
        assertTrue("unresolved $ref: " + dangling, dangling.isEmpty());
        schemas.forEach((name, s) -> assertEquals(name + " is an object schema", "object", map(s).get("type")));
    }

    private static void collectRefs(Object node, Map<String, Object> schemas, List<String> dangling) {
        if (node instanceof Map<?, ?> m) {
            Object ref = m.get("$ref");
            if (ref instanceof String s && !schemas.containsKey(s.replace("#/components/schemas/", ""))) {
                dangling.add(s);
            }
            m.values().forEach(v -> collectRefs(v, schemas, dangling));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectRefs(v, schemas, dangling));
        }
    }

    @Test
    public void serializesAsOpenApi303Json() throws Exception {
        String json = Json.mapper().writeValueAsString(doc);
        assertTrue(json, json.contains("\"openapi\":\"3.0.3\""));
        JsonNode tree = Json.mapper().readTree(json);
        assertEquals("3.0.3", tree.path("openapi").asText());
        assertEquals("MT Manager API", tree.path("info").path("title").asText());
        assertEquals("1.0.0", tree.path("info").path("version").asText());
        assertEquals("/mtm/api/v1", tree.path("servers").path(0).path("url").asText());
        assertEquals("basic", tree.path("components").path("securitySchemes").path("basic").path("scheme").asText());
        if (!tree.path("paths").path("/users/me").has("get")) {
            fail("GET /users/me missing from " + tree.path("paths"));
        }
    }
}
