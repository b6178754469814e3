package org.mtmanager.sipedge.facade.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.mtmanager.api.sipedge.SipEdgeService;
import org.mtmanager.api.sipedge.SipEdgeStatus;
import org.mtmanager.rest.support.Doc;
import org.mtmanager.rest.support.Params;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /sip-edge}: the SIP edge against the database, and its full reload (platform administrators). */
@Path("/sip-edge")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class, property = RestResource.ORDER + ":Integer=145")
public class SipEdgeResource implements RestResource {
    private final SipEdgeService edge;

    @Activate
    public SipEdgeResource(@Reference SipEdgeService edge) {
        this.edge = edge;
    }

    @GET
    @Doc(value = "The SIP edge: whether it runs, where carriers reach it, what it holds against the DID table and the carriers,"
        + " and what stops it (platform administrators)", returns = SipEdgeStatus.class)
    public SipEdgeStatus status(@Context HttpServletRequest req) {
        return edge.status(Params.caller(req));
    }

    @POST
    @Path("sync")
    @Doc(value = "Compare the SIP edge with the database and load its whole table again; ?repair=false only reports"
        + " (platform administrators)", returns = SipEdgeStatus.class)
    public SipEdgeStatus sync(@Context HttpServletRequest req, @QueryParam("repair") String repair) {
        return edge.sync(Params.caller(req), Params.bool("repair", repair, true));
    }
}
