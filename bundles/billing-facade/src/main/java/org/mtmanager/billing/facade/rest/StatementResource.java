package org.mtmanager.billing.facade.rest;

import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.mtmanager.api.Caller;
import org.mtmanager.api.billing.BillingService;
import org.mtmanager.api.billing.Correction;
import org.mtmanager.api.billing.Statement;
import org.mtmanager.rest.support.Csv;
import org.mtmanager.rest.support.Doc;
import org.mtmanager.rest.support.Params;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /statements}: monthly statements, their close, and corrections of closed ones. */
@Path("/statements")
@Consumes(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class, property = RestResource.ORDER + ":Integer=180")
public class StatementResource implements RestResource {
    private final BillingService billing;

    @Activate
    public StatementResource(@Reference BillingService billing) {
        this.billing = billing;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Doc(value = "The closed statements of an account (accountId), newest first, without lines", returns = Statement.class,
        list = true, required = "accountId")
    public List<Statement> list(@Context HttpServletRequest req, @QueryParam("accountId") String accountId) {
        return billing.statements(Params.caller(req), Params.id("accountId", accountId));
    }

    @GET
    @Path("{accountId}/{period}")
    @Produces({MediaType.APPLICATION_JSON, Csv.TEXT_CSV})
    @Doc(value = "One statement with its lines (period YYYY-MM): stored once closed, else rated from the ledger so far; "
        + "CSV with Accept: text/csv", returns = Statement.class)
    public Response get(@Context HttpServletRequest req, @Context HttpHeaders headers,
                        @PathParam("accountId") String accountId, @PathParam("period") String period) {
        Caller c = Params.caller(req);
        long account = Params.id("accountId", accountId);
        if (Csv.wanted(headers)) {
            return Csv.ok(billing.statementCsv(c, account, period), "mtm-statement-" + account + "-" + period + ".csv");
        }
        return Response.ok(billing.statement(c, account, period), MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("{accountId}/{period}/close")
    @Produces(MediaType.APPLICATION_JSON)
    @Doc(value = "Close an ended period: the statement is stored and never changes; closing again returns it",
        returns = Statement.class)
    public Statement close(@Context HttpServletRequest req, @PathParam("accountId") String accountId,
                           @PathParam("period") String period) {
        return billing.close(Params.caller(req), Params.id("accountId", accountId), period);
    }

    @POST
    @Path("{accountId}/{period}/corrections")
    @Produces(MediaType.APPLICATION_JSON)
    @Doc(value = "Correct a closed period: an adjustment line of the next open period, which is returned",
        body = Correction.class, returns = Statement.class, status = 201)
    public Response correct(@Context HttpServletRequest req, @PathParam("accountId") String accountId,
                            @PathParam("period") String period, Correction correction) {
        long account = Params.id("accountId", accountId);
        Statement s = billing.correct(Params.caller(req), account, period, Params.body("correction", correction));
        return Response.status(201).location(Params.location("statements/" + account + "/" + s.period())).entity(s).build();
    }
}
