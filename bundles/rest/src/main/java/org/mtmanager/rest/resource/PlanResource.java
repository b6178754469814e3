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

import org.mtmanager.api.plan.PlanDraft;
import org.mtmanager.api.plan.PlanService;
import org.mtmanager.api.plan.ResourcePlan;
import org.mtmanager.rest.support.Doc;
import org.mtmanager.rest.support.Params;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /plans}: resource plans. */
@Path("/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class, property = RestResource.ORDER + ":Integer=30")
public class PlanResource implements RestResource {
    private final PlanService plans;

    @Activate
    public PlanResource(@Reference PlanService plans) {
        this.plans = plans;
    }

    @GET
    @Doc(value = "Plans that apply to the caller, by owner and tier", returns = ResourcePlan.class, list = true)
    public List<ResourcePlan> list(@Context HttpServletRequest req) {
        return plans.list(Params.caller(req));
    }

    @POST
    @Doc(value = "Add a plan to the caller's account (platform or operator administrators)", body = PlanDraft.class,
        returns = ResourcePlan.class, status = 201)
    public Response create(@Context HttpServletRequest req, PlanDraft draft) {
        ResourcePlan p = plans.create(Params.caller(req), Params.body("plan", draft));
        return Response.status(201).location(Params.location("plans/" + p.id())).entity(p).build();
    }

    @GET
    @Path("{id}")
    @Doc(value = "One plan", returns = ResourcePlan.class)
    public ResourcePlan get(@Context HttpServletRequest req, @PathParam("id") String id) {
        return plans.get(Params.caller(req), Params.id("id", id));
    }

    @PATCH
    @Path("{id}")
    @Doc(partial = true, value = "Change a plan; absent fields are kept", body = PlanDraft.class, returns = ResourcePlan.class)
    public ResourcePlan update(@Context HttpServletRequest req, @PathParam("id") String id, PlanDraft change) {
        return plans.update(Params.caller(req), Params.id("id", id), Params.body("plan", change));
    }

    @PUT
    @Path("{id}")
    @Doc(partial = true, value = "Same as PATCH", body = PlanDraft.class, returns = ResourcePlan.class)
    public ResourcePlan replace(@Context HttpServletRequest req, @PathParam("id") String id, PlanDraft change) {
        return update(req, id, change);
    }

    @DELETE
    @Path("{id}")
    @Doc(value = "Delete a plan", status = 204)
    public Response delete(@Context HttpServletRequest req, @PathParam("id") String id) {
        plans.delete(Params.caller(req), Params.id("id", id));
        return Response.noContent().build();
    }
}
