package org.mtmanager.rest.resource;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.mtmanager.rest.support.Doc;

/**
 * {@code /health}: whether the API is up, for load balancers and monitoring; it needs no credentials (and checks
 * any it is sent, like every other resource).
 */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    /** The answer. */
    public record Health(String status) {
    }

    private static final Health UP = new Health("up");

    @GET
    @Doc(value = "Whether the API is up; no credentials needed", returns = Health.class)
    public Health health() {
        return UP;
    }
}
