package org.mtmanager.billing.facade.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.mtmanager.api.Caller;
import org.mtmanager.api.billing.ActiveUsersReport;
import org.mtmanager.api.billing.BillingService;
import org.mtmanager.rest.support.Csv;
import org.mtmanager.rest.support.Doc;
import org.mtmanager.rest.support.Params;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /reports}: the operators' reports. */
@Path("/reports")
@Component(service = RestResource.class, property = RestResource.ORDER + ":Integer=190")
public class ReportResource implements RestResource {
    private final BillingService billing;

    @Activate
    public ReportResource(@Reference BillingService billing) {
        this.billing = billing;
    }

    @GET
    @Path("active-users")
    @Produces({MediaType.APPLICATION_JSON, Csv.TEXT_CSV})
    @Doc(value = "Every active MT user (licensed extension) across the machines of a subtree (accountId, default the "
        + "caller's), machine by machine with totals; CSV with Accept: text/csv", returns = ActiveUsersReport.class)
    public Response activeUsers(@Context HttpServletRequest req, @Context HttpHeaders headers,
                                @QueryParam("accountId") String accountId) {
        Caller c = Params.caller(req);
        Long account = Params.optionalId("accountId", accountId);
        if (Csv.wanted(headers)) {
            return Csv.ok(billing.activeUsersCsv(c, account), "mtm-active-users.csv");
        }
        return Response.ok(billing.activeUsers(c, account), MediaType.APPLICATION_JSON).build();
    }
}
