package org.mtmanager.rest.resource;

import java.util.List;

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
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.mtmanager.api.app.App;
import org.mtmanager.api.app.AppDraft;
import org.mtmanager.api.app.AppService;
import org.mtmanager.rest.support.Doc;
import org.mtmanager.rest.support.Params;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /apps}: the apps catalog. */
@Path("/apps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class, property = RestResource.ORDER + ":Integer=50")
public class AppResource implements RestResource {
    private final AppService apps;

    @Activate
    public AppResource(@Reference AppService apps) {
        this.apps = apps;
    }

    @GET
    @Doc(value = "The catalog", returns = App.class, list = true)
    public List<App> list(@Context HttpServletRequest req) {
        return apps.list(Params.caller(req));
    }

    @POST
    @Doc(value = "Add an app (platform administrators)", body = AppDraft.class, returns = App.class, status = 201)
    public Response create(@Context HttpServletRequest req, AppDraft draft) {
        App a = apps.create(Params.caller(req), Params.body("app", draft));
        return Response.status(201).location(Params.location("apps/" + a.key())).entity(a).build();
    }

    @GET
    @Path("{key}")
    @Doc(value = "One app", returns = App.class)
    public App get(@Context HttpServletRequest req, @PathParam("key") String key) {
        return apps.get(Params.caller(req), key);
    }

    @PATCH
    @Path("{key}")
    @Doc(partial = true, value = "Change an app; absent fields are kept", body = AppDraft.class, returns = App.class)
    public App update(@Context HttpServletRequest req, @PathParam("key") String key, AppDraft change) {
        return apps.update(Params.caller(req), key, Params.body("app", change));
    }

    @PUT
    @Path("{key}")
    @Doc(partial = true, value = "Same as PATCH", body = AppDraft.class, returns = App.class)
    public App replace(@Context HttpServletRequest req, @PathParam("key") String key, AppDraft change) {
        return update(req, key, change);
    }

    @DELETE
    @Path("{key}")
    @Doc(value = "Remove an app from the catalog", status = 204)
    public Response delete(@Context HttpServletRequest req, @PathParam("key") String key) {
        apps.delete(Params.caller(req), key);
        return Response.noContent().build();
    }
}
