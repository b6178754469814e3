package org.mtmanager.rest.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/** The document, as served (JSON), is valid OpenAPI 3 to an independent parser, and reads back as meant. */
public class OpenApiValidityTest {
    @Test
    public void anOpenApiParserAcceptsTheDocument() throws Exception {
        String json = Json.mapper().writeValueAsString(OpenApi.document("MT Manager API", "1.0.0", "/mtm/api/v1", ResourceClasses.all()));
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        assertTrue("the parser's complaints: " + messages, messages.isEmpty());
        OpenAPI api = result.getOpenAPI();
        assertNotNull(api);
        Schema<?> hostname = (Schema<?>) api.getComponents().getSchemas().get("MachineRequest").getProperties().get("hostname");
        assertEquals(Integer.valueOf(63), hostname.getMaxLength());
        assertEquals("bearer", api.getComponents().getSecuritySchemes().get("bearer").getScheme());
    }
}
