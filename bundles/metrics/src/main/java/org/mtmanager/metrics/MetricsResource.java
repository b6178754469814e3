package org.mtmanager.metrics;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.rest.support.AuthFilter;
import org.mtmanager.rest.support.Doc;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /metrics}: the platform's metrics in Prometheus' text format. They are platform-wide (machines by host, every
 * account's jobs), so only a platform administrator reads them: with a token, whose scope may be {@code read}, which is
 * what a scraper should be given. A scraper on the server's own host may also read them without credentials.
 */
@Path("/metrics")
@Component(service = RestResource.class, property = RestResource.ORDER + ":Integer=215")
public class MetricsResource implements RestResource {
    private final Metrics metrics;

    @Activate
    public MetricsResource(@Reference Metrics metrics) {
        this.metrics = metrics;
    }

    @GET
    @Produces(Metrics.CONTENT_TYPE)
    @Doc(value = "The platform's metrics in Prometheus' text format 0.0.4: for a platform administrator (a token of scope"
        + " read is enough), or without credentials from the server's own host", returns = String.class)
    public Response scrape(@Context HttpServletRequest req) {
        Caller caller = (Caller) req.getAttribute(AuthFilter.CALLER);
        if (caller == null && !AuthFilter.loopback(req.getRemoteAddr())) {
            throw new MtmException(ErrorCode.UNAUTHENTICATED, "authentication required: the metrics are for a platform "
                + "administrator, or for a scraper on the server's own host");
        }
        if (caller != null && !caller.isPlatformAdmin()) {
            // Refused before the answer starts, so that it is a 403 rather than a broken 200.
            throw MtmException.forbidden("only a platform administrator may read the metrics");
        }
        StreamingOutput body = out -> metrics.write(caller, out);
        return Response.ok(body, Metrics.CONTENT_TYPE).build();
    }
}
