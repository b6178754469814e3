package org.mtmanager.access.facade.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.mtmanager.api.MtmException;
import org.mtmanager.api.Page;
import org.mtmanager.api.did.DidImport;
import org.mtmanager.api.did.DidMatch;
import org.mtmanager.api.did.DidRoute;
import org.mtmanager.api.did.DidRouteDraft;
import org.mtmanager.api.did.DidRouteQuery;
import org.mtmanager.api.did.DidRouteService;
import org.mtmanager.rest.support.Doc;
import org.mtmanager.rest.support.Params;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /did-routes}: the DID table, its longest-prefix lookup for the SIP edge, and its CSV import and export. */
@Path("/did-routes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class, property = RestResource.ORDER + ":Integer=150")
public class DidRouteResource implements RestResource {
    private static final String CSV = "text/csv";

    private final DidRouteService dids;

    @Activate
    public DidRouteResource(@Reference DidRouteService dids) {
        this.dids = dids;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Doc(value = "Routes of the machines in the caller's subtree, by number; filters: number (prefix starts with), machineId. "
        + "With Accept: text/csv, all of them as CSV (as /did-routes/export)", returns = DidRoute.class, page = true)
    public Response list(@Context HttpServletRequest req, @Context HttpHeaders headers, @QueryParam("number") String number,
                         @QueryParam("machineId") String machineId, @QueryParam("offset") String offset,
                         @QueryParam("limit") String limit) {
        if (!headers.getAcceptableMediaTypes().isEmpty()
                && headers.getAcceptableMediaTypes().get(0).isCompatible(MediaType.valueOf(CSV))
                && !headers.getAcceptableMediaTypes().get(0).isWildcardType()) {
            return export(req);
        }
        Page<DidRoute> page = dids.list(Params.caller(req), new DidRouteQuery(Params.optionalId("machineId", machineId), number),
            Params.page(offset, limit));
        return Response.ok(page, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Doc(value = "Route a number or prefix to a machine (platform and operator administrators)", body = DidRouteDraft.class,
        returns = DidRoute.class, status = 201)
    public Response create(@Context HttpServletRequest req, DidRouteDraft draft) {
        DidRoute r = dids.create(Params.caller(req), Params.body("DID route", draft));
        return Response.status(201).location(Params.location("did-routes/" + r.id())).entity(r).build();
    }

    @GET
    @Path("lookup")
    @Doc(value = "The route a number goes to, by longest prefix, with the machine's address (for the SIP edge); 404 when not routed",
        returns = DidMatch.class)
    public DidMatch lookup(@Context HttpServletRequest req, @QueryParam("number") String number) {
        return dids.lookup(Params.caller(req), number);
    }

    @GET
    @Path("export")
    @Produces(CSV)
    @Doc(value = "The caller's routes as CSV: number,machine,description", returns = String.class)
    public Response export(@Context HttpServletRequest req) {
        return Response.ok(dids.exportCsv(Params.caller(req)), CSV + "; charset=UTF-8")
            .header("Content-Disposition", "attachment; filename=\"mtm-did-routes.csv\"").build();
    }

    @POST
    @Path("import")
    @Consumes(CSV)
    @Doc(value = "Import a CSV file (number,machine,description), all or nothing: a bad file answers 400 with errors "
        + "[{line, field, message}] and changes nothing. mode=merge (default) adds and replaces routes; mode=replace also "
        + "removes the caller's routes the file leaves out", body = String.class, returns = DidImport.class)
    public DidImport importCsv(@Context HttpServletRequest req, @QueryParam("mode") String mode, String csv) {
        boolean replace;
        if (mode == null || mode.isEmpty() || mode.equals("merge")) {
            replace = false;
        } else if (mode.equals("replace")) {
            replace = true;
        } else {
            throw MtmException.invalid("mode", "must be merge or replace");
        }
        return dids.importCsv(Params.caller(req), csv == null ? "" : csv, replace);
    }

    @GET
    @Path("{id}")
    @Doc(value = "One route", returns = DidRoute.class)
    public DidRoute get(@Context HttpServletRequest req, @PathParam("id") String id) {
        return dids.get(Params.caller(req), Params.id("id", id));
    }

    @PATCH
    @Path("{id}")
    @Doc(partial = true, value = "Change a route's number, machine or description; absent fields are kept", body = DidRouteDraft.class,
        returns = DidRoute.class)
    public DidRoute update(@Context HttpServletRequest req, @PathParam("id") String id, DidRouteDraft change) {
        return dids.update(Params.caller(req), Params.id("id", id), Params.body("DID route", change));
    }

    @PUT
    @Path("{id}")
    @Doc(partial = true, value = "Same as PATCH", body = DidRouteDraft.class, returns = DidRoute.class)
    public DidRoute replace(@Context HttpServletRequest req, @PathParam("id") String id, DidRouteDraft change) {
        return update(req, id, change);
    }

    @DELETE
    @Path("{id}")
    @Doc(value = "Remove a route", status = 204)
    public Response delete(@Context HttpServletRequest req, @PathParam("id") String id) {
        dids.delete(Params.caller(req), Params.id("id", id));
        return Response.noContent().build();
    }
}
