package org.mtmanager.rest.resource;

import java.util.Map;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * {@code /openapi.json}: the API's OpenAPI 3 document, public like any API description. It is written when first
 * asked for, then kept: the server is built again whenever its resources change, mostly while nobody reads it.
 */
@Path("/openapi.json")
public class OpenApiResource {
    private final Supplier<Map<String, Object>> writer;
    private volatile Map<String, Object> document;

    public OpenApiResource(Supplier<Map<String, Object>> writer) {
        this.writer = writer;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> get() {
        Map<String, Object> d = document;
        if (d == null) {
            d = writer.get();
            document = d;
        }
        return d;
    }
}
