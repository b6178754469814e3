package org.mtmanager.access.facade.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.mtmanager.api.access.AccessService;
import org.mtmanager.api.access.Grant;
import org.mtmanager.api.access.GrantRequest;
import org.mtmanager.api.access.MachineAccess;
import org.mtmanager.rest.support.Doc;
import org.mtmanager.rest.support.Params;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /machines/{id}/access}: a machine's service grants and port forwards. */
@Path("/machines/{id}/access")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class, property = RestResource.ORDER + ":Integer=130")
public class AccessResource implements RestResource {
    private final AccessService access;

    @Activate
    public AccessResource(@Reference AccessService access) {
        this.access = access;
    }

    @GET
    @Doc(value = "A machine's grants and port forwards, with the external ports to use", returns = MachineAccess.class)
    public MachineAccess access(@Context HttpServletRequest req, @PathParam("id") String id) {
        return access.access(Params.caller(req), Params.id("id", id));
    }

    @POST
    @Doc(value = "Grant a source (IP or CIDR) a service of the machine; a non-web service gets its external port. SIP is locked",
        body = GrantRequest.class, returns = Grant.class, status = 201)
    public Response grant(@Context HttpServletRequest req, @PathParam("id") String id, GrantRequest request) {
        long machine = Params.id("id", id);
        Grant g = access.grant(Params.caller(req), machine, Params.body("grant", request));
        return Response.status(201).location(Params.location("machines/" + machine + "/access/" + g.id())).entity(g).build();
    }

    @DELETE
    @Path("{grantId}")
    @Doc(value = "Revoke a grant at once; its established connections are cut", status = 204)
    public Response revoke(@Context HttpServletRequest req, @PathParam("id") String id, @PathParam("grantId") String grantId) {
        access.revoke(Params.caller(req), Params.id("id", id), Params.id("grantId", grantId));
        return Response.noContent().build();
    }
}
