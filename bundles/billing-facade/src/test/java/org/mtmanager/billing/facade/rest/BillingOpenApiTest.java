package org.mtmanager.billing.facade.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.Test;
import org.mtmanager.rest.support.Json;
import org.mtmanager.rest.support.OpenApi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * Billing's resources describe themselves as the platform's do: the document the REST server builds with them is
 * valid OpenAPI 3 to an independent parser, and has their paths, each operation described.
 */
public class BillingOpenApiTest {
    private static final List<Class<?>> RESOURCES = List.of(UsageResource.class, PriceListResource.class,
        StatementResource.class, ReportResource.class);

    @Test
    public void theDocumentWithBillingIsValidAndDescribesEveryOperation() throws Exception {
        Map<String, Object> doc = OpenApi.document("MT Manager API", "1.0.0", "/mtm/api/v1", RESOURCES);
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(Json.mapper().writeValueAsString(doc), null, options);
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        assertTrue("the parser's complaints: " + messages, messages.isEmpty());
        OpenAPI api = result.getOpenAPI();
        assertNotNull(api);
        Set<String> roots = new TreeSet<>();
        api.getPaths().forEach((path, item) -> {
            roots.add(path.split("/")[1]);
            item.readOperations().forEach(op -> assertTrue(path + " has a summary", op.getSummary() != null && !op.getSummary().isBlank()));
        });
        assertEquals(Set.of("price-lists", "reports", "statements", "usage"), roots);
    }

    @Test
    public void decimalsAreNumbers() {
        Map<String, Object> doc = OpenApi.document("MT Manager API", "1.0.0", "/mtm/api/v1", RESOURCES);
        assertEquals("number", property(doc, "Correction", "amount").get("type"));
        assertEquals("number", map(property(doc, "PriceListDraft", "prices").get("additionalProperties")).get("type"));
        assertEquals("number", property(doc, "StatementLine", "amount").get("type"));
    }

    private static Map<String, Object> property(Map<String, Object> doc, String schema, String property) {
        return map(map(map(map(map(doc.get("components")).get("schemas")).get(schema)).get("properties")).get(property));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertTrue("expected a JSON object but got " + o, o instanceof Map);
        return (Map<String, Object>) o;
    }
}
