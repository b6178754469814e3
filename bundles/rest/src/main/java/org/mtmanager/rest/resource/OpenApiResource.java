package org.mtmanager.rest.resource;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** {@code /openapi.json}: the API's OpenAPI 3 document, public like any API description. */
@Path("/openapi.json")
public class OpenApiResource {
    private final Map<String, Object> document;

    public OpenApiResource(Map<String, Object> document) {
        this.document = document;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> get() {
        return document;
    }
}
