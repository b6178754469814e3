package org.mtmanager.itests.bare;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** A JAX-RS resource that does nothing: the floor that the API's own resources are measured against. */
@Path("/bare")
@Produces(MediaType.APPLICATION_JSON)
public class BareResource {
    private static final String UP = "{\"status\":\"up\"}";

    @GET
    public String get() {
        return UP;
    }
}
