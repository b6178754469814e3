package org.mtmanager.rest.resource;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;

import org.mtmanager.api.Page;
import org.mtmanager.api.audit.AuditEntry;
import org.mtmanager.api.audit.AuditQuery;
import org.mtmanager.api.audit.AuditService;
import org.mtmanager.api.audit.ChainVerification;
import org.mtmanager.rest.support.Doc;
import org.mtmanager.rest.support.Params;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /audit}: the audit log of the caller's subtree, its export, and the chain check. */
@Path("/audit")
@Component(service = RestResource.class, property = RestResource.ORDER + ":Integer=60")
public class AuditResource implements RestResource {
    private final AuditService audit;

    @Activate
    public AuditResource(@Reference AuditService audit) {
        this.audit = audit;
    }

    @GET
    @Produces("application/json")
    @Doc(value = "Entries of the caller's subtree, newest first; filters: actor, action (* wildcard), accountId, outcome, from, to; "
        + "after=<the page's next> walks on at the same cost however deep",
        returns = AuditEntry.class, page = true)
    public Page<AuditEntry> list(@Context HttpServletRequest req, @QueryParam("actor") String actor,
                                 @QueryParam("action") String action, @QueryParam("accountId") String accountId,
                                 @QueryParam("outcome") String outcome, @QueryParam("from") String from,
                                 @QueryParam("to") String to, @QueryParam("offset") String offset,
                                 @QueryParam("limit") String limit, @QueryParam("after") String after) {
        return audit.list(Params.caller(req), query(actor, action, accountId, outcome, from, to), Params.page(offset, limit, after));
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    @Doc(value = "The same entries, oldest first, as CSV (same filters)", returns = String.class)
    public Response export(@Context HttpServletRequest req, @QueryParam("actor") String actor,
                           @QueryParam("action") String action, @QueryParam("accountId") String accountId,
                           @QueryParam("outcome") String outcome, @QueryParam("from") String from,
                           @QueryParam("to") String to) {
        String csv = audit.exportCsv(Params.caller(req), query(actor, action, accountId, outcome, from, to));
        return Response.ok(csv, "text/csv; charset=UTF-8")
            .header("Content-Disposition", "attachment; filename=\"mtm-audit.csv\"").build();
    }

    @GET
    @Path("verify")
    @Produces("application/json")
    @Doc(value = "Recompute the hash chain (platform administrators)", returns = ChainVerification.class)
    public ChainVerification verify(@Context HttpServletRequest req) {
        return audit.verify(Params.caller(req));
    }

    private static AuditQuery query(String actor, String action, String accountId, String outcome, String from, String to) {
        return new AuditQuery(actor, action, Params.optionalId("accountId", accountId), outcome,
            Params.instant("from", from), Params.instant("to", to));
    }
}
