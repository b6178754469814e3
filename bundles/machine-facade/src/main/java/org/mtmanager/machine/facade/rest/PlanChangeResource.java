package org.mtmanager.machine.facade.rest;

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
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.mtmanager.api.MtmException;
import org.mtmanager.api.field.FieldSpec;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.api.machine.MachineService;
import org.mtmanager.api.machine.PlanChange;
import org.mtmanager.rest.support.Doc;
import org.mtmanager.rest.support.Params;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /plan-changes}: resource-plan change requests and the platform administrator's decisions. */
@Path("/plan-changes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class, property = RestResource.ORDER + ":Integer=90")
public class PlanChangeResource implements RestResource {

    /** Body of a request. */
    public record Request(Long machineId, String plan, String reason) {
        public static final FieldSpec MACHINE_ID = FieldSpec.value("machineId").mandatory().example("42");
        public static final FieldSpec PLAN = MachineRequest.PLAN;
        public static final FieldSpec REASON = PlanChange.REASON;
    }

    /** Body of a decision. */
    public record Decision(String note) {
        public static final FieldSpec NOTE = PlanChange.DECISION.named("note");
    }

    private final MachineService machines;

    @Activate
    public PlanChangeResource(@Reference MachineService machines) {
        this.machines = machines;
    }

    @POST
    @Doc(value = "Ask for another resource plan for a machine; it waits for a platform administrator", body = Request.class,
        returns = PlanChange.class, status = 201)
    public Response request(@Context HttpServletRequest req, Request body) {
        Request r = Params.body("plan change", body);
        if (r.machineId() == null) {
            throw MtmException.invalid("machineId", "is required");
        }
        PlanChange p = machines.requestPlanChange(Params.caller(req), r.machineId(), r.plan(), r.reason());
        return Response.status(201).location(Params.location("plan-changes/" + p.id())).entity(p).build();
    }

    @GET
    @Doc(value = "Requests of the caller's subtree, newest first; ?state=PENDING|APPROVED|REJECTED", returns = PlanChange.class,
        list = true)
    public List<PlanChange> list(@Context HttpServletRequest req, @QueryParam("state") String state) {
        return machines.planChanges(Params.caller(req), state);
    }

    @POST
    @Path("{id}/approve")
    @Doc(value = "Approve and apply (platform administrators)", body = Decision.class, returns = PlanChange.class)
    public PlanChange approve(@Context HttpServletRequest req, @PathParam("id") String id, Decision body) {
        return machines.decidePlanChange(Params.caller(req), Params.id("id", id), true, body == null ? null : body.note());
    }

    @POST
    @Path("{id}/reject")
    @Doc(value = "Reject (platform administrators)", body = Decision.class, returns = PlanChange.class)
    public PlanChange reject(@Context HttpServletRequest req, @PathParam("id") String id, Decision body) {
        return machines.decidePlanChange(Params.caller(req), Params.id("id", id), false, body == null ? null : body.note());
    }
}
