package org.mtmanager.billing.facade.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.mtmanager.api.Caller;
import org.mtmanager.api.billing.BillingService;
import org.mtmanager.api.billing.LedgerRun;
import org.mtmanager.api.billing.UsageDay;
import org.mtmanager.rest.support.Csv;
import org.mtmanager.rest.support.Doc;
import org.mtmanager.rest.support.Params;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /usage}: the daily licence usage ledger of a subtree. */
@Path("/usage")
@Component(service = RestResource.class, property = RestResource.ORDER + ":Integer=160")
public class UsageResource implements RestResource {
    private final BillingService billing;

    @Activate
    public UsageResource(@Reference BillingService billing) {
        this.billing = billing;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.TEXT_CSV})
    @Doc(value = "Ledger records of an account's subtree in a period (accountId, period=YYYY-MM), by day then machine; "
        + "all of them as CSV with Accept: text/csv", returns = UsageDay.class, page = true, required = {"accountId", "period"})
    public Response list(@Context HttpServletRequest req, @Context HttpHeaders headers,
                         @QueryParam("accountId") String accountId, @QueryParam("period") String period,
                         @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Caller c = Params.caller(req);
        long account = Params.id("accountId", accountId);
        if (Csv.wanted(headers)) {
            return Csv.ok(billing.usageCsv(c, account, period), "mtm-usage-" + account + "-" + period + ".csv");
        }
        return Response.ok(billing.usage(c, account, period, Params.page(offset, limit)), MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("record")
    @Produces(MediaType.APPLICATION_JSON)
    @Doc(value = "Record every complete day still missing from the ledger now (platform administrators); it also runs by itself",
        returns = LedgerRun.class)
    public LedgerRun record(@Context HttpServletRequest req) {
        return billing.recordUsage(Params.caller(req));
    }
}
