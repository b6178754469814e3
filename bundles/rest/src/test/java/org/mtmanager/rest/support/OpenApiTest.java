package org.mtmanager.rest.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.mtmanager.api.Role;
import org.mtmanager.api.account.AccountType;
import org.mtmanager.rest.resource.AccountResource;

/** The platform's own resources (the tenant model's) against the document's contract, and how the document reads. */
public class OpenApiTest extends OpenApiContract {
    @Override
    protected List<Class<?>> resources() {
        return ResourceClasses.all();
    }

    private Map<String, Object> schema(String name) {
        return at(doc(), "components", "schemas", name);
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
    public void operationsCarrySummaryIdParametersAndResponses() {
        Map<String, Object> get = at(doc(), "paths", "/accounts/{id}", "get");
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

        Map<String, Object> delete = at(doc(), "paths", "/accounts/{id}", "delete");
        assertTrue(at(delete, "responses").containsKey("204"));

        Map<String, Object> list = at(doc(), "paths", "/accounts", "get");
        Map<String, Object> page = at(list, "responses", "200", "content", "application/json", "schema");
        assertEquals("object", page.get("type"));
        assertEquals(List.of("items", "limit", "next", "offset", "total"), new ArrayList<>(at(page, "properties").keySet()));
        assertTrue(((List<?>) list.get("parameters")).stream()
            .anyMatch(p -> "limit".equals(map(p).get("name")) && "query".equals(map(p).get("in"))));
    }

    @Test
    public void requestBodiesAreRecordSchemas() {
        Map<String, Object> body = at(doc(), "paths", "/accounts", "post", "requestBody");
        assertEquals(true, body.get("required"));
        assertEquals("#/components/schemas/AccountDraft", at(body, "content", "application/json", "schema").get("$ref"));
        assertTrue(at(doc(), "paths", "/accounts", "post", "responses").containsKey("201"));

        Map<String, Object> draft = schema("AccountDraft");
        assertEquals("object", draft.get("type"));
        Map<String, Object> props = at(draft, "properties");
        assertEquals(List.of("contactEmail", "name", "parentId", "type").stream().sorted().toList(),
            props.keySet().stream().sorted().toList());
        assertEquals(Map.of("type", "integer", "format", "int64"), props.get("parentId"));
        assertEquals("string", map(props.get("name")).get("type"));

        // an array body
        Map<String, Object> wl = at(doc(), "paths", "/accounts/{id}/whitelist", "put", "requestBody", "content",
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
    public void serializesAsOpenApi303Json() throws Exception {
        String json = Json.mapper().writeValueAsString(doc());
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
