package org.mtmanager.rest.resource;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.mtmanager.rest.support.Doc;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Component;

/**
 * {@code /health}: whether the API is up, for load balancers and monitoring; it needs no credentials (and checks
 * any it is sent, like every other resource).
 */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class, property = RestResource.ORDER + ":Integer=210")
public class HealthResource implements RestResource {

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
