package org.mtmanager.machine.facade.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.mtmanager.api.Caller;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.Page;
import org.mtmanager.api.field.FieldSpec;
import org.mtmanager.api.field.Formats;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.machine.Machine;
import org.mtmanager.api.machine.MachineDraft;
import org.mtmanager.api.machine.MachineQuery;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.api.machine.MachineService;
import org.mtmanager.api.machine.MachineTotals;
import org.mtmanager.api.user.AuthService;
import org.mtmanager.rest.support.AuthFilter;
import org.mtmanager.rest.support.Doc;
import org.mtmanager.rest.support.Params;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /machines}: customer machines. Long operations answer 202 with the job (and its Location); an
 * {@code Idempotency-Key} header (or the body's idempotencyKey) returns the same job when repeated.
 */
@Path("/machines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class, property = RestResource.ORDER + ":Integer=70")
public class MachineResource implements RestResource {

    /** Step 2 of creating a machine. */
    public record CreateMachine(Long draftId, String idempotencyKey) {
        public static final FieldSpec DRAFT_ID = FieldSpec.value("draftId").mandatory().example("42");
        public static final FieldSpec IDEMPOTENCY_KEY = Formats.IDEMPOTENCY_KEY;
    }

    /** Body of stop and start. */
    public record Confirmation(Boolean confirm, String idempotencyKey) {
        /** A stop must carry it, true: stopping cuts the machine's calls. */
        public static final FieldSpec CONFIRM = FieldSpec.value("confirm").example("true");
        public static final FieldSpec IDEMPOTENCY_KEY = Formats.IDEMPOTENCY_KEY;
    }

    /**
     * Body of an upgrade: the caller's password again, unless the request carries it already (X-MTM-Password, or a
     * session that gave it in the last minutes).
     */
    public record Upgrade(String password, String idempotencyKey) {
        public static final FieldSpec PASSWORD = FieldSpec.value("password");
        public static final FieldSpec IDEMPOTENCY_KEY = Formats.IDEMPOTENCY_KEY;

        @Override
        public String toString() {
            return "Upgrade[***]";
        }
    }

    private final MachineService machines;
    private final AuthService auth;

    @Activate
    public MachineResource(@Reference MachineService machines, @Reference AuthService auth) {
        this.machines = machines;
        this.auth = auth;
    }

    @POST
    @Path("drafts")
    @Doc(value = "Step 1: validate the customer-data form and keep it as a draft", body = MachineRequest.class,
        returns = MachineDraft.class, status = 201)
    public Response saveDraft(@Context HttpServletRequest req, MachineRequest request) {
        MachineDraft d = machines.saveDraft(Params.caller(req), Params.body("machine request", request));
        return Response.status(201).location(Params.location("machines/drafts/" + d.id())).entity(d).build();
    }

    @GET
    @Path("drafts/{id}")
    @Doc(value = "One draft", returns = MachineDraft.class)
    public MachineDraft draft(@Context HttpServletRequest req, @PathParam("id") String id) {
        return machines.draft(Params.caller(req), Params.id("id", id));
    }

    @POST
    @Doc(value = "Step 2: create the machine of a draft; it is listed at once as CREATING", body = CreateMachine.class,
        returns = Job.class, status = 202)
    public Response create(@Context HttpServletRequest req, @HeaderParam("Idempotency-Key") String key, CreateMachine body) {
        CreateMachine b = Params.body("draft reference", body);
        if (b.draftId() == null) {
            throw MtmException.invalid("draftId", "is required");
        }
        return accepted(machines.create(Params.caller(req), b.draftId(), key != null ? key : b.idempotencyKey()));
    }

    @GET
    @Doc(value = "Machines of the caller's subtree (deleted ones only with state=DELETED), in id order. A deep offset "
        + "costs in proportion to it: walk the list with after=<the page's next> instead", returns = Machine.class, page = true)
    public Page<Machine> list(@Context HttpServletRequest req, @QueryParam("offset") String offset,
                              @QueryParam("limit") String limit, @QueryParam("after") String after,
                              @QueryParam("accountId") String accountId,
                              @QueryParam("state") String state, @QueryParam("search") String search) {
        return machines.list(Params.caller(req), new MachineQuery(Params.optionalId("accountId", accountId), state, search),
            Params.page(offset, limit, after));
    }

    @GET
    @Path("totals")
    @Doc(value = "Dashboard totals of a subtree: machines by state, licensed extensions and tenants", returns = MachineTotals.class)
    public MachineTotals totals(@Context HttpServletRequest req, @QueryParam("accountId") String accountId) {
        return machines.totals(Params.caller(req), Params.optionalId("accountId", accountId));
    }

    @GET
    @Path("{id}")
    @Doc(value = "One machine", returns = Machine.class)
    public Machine get(@Context HttpServletRequest req, @PathParam("id") String id) {
        return machines.get(Params.caller(req), Params.id("id", id));
    }

    @POST
    @Path("{id}/stop")
    @Doc(value = "Stop a machine; needs {\"confirm\": true}", body = Confirmation.class, returns = Job.class, status = 202)
    public Response stop(@Context HttpServletRequest req, @PathParam("id") String id,
                         @HeaderParam("Idempotency-Key") String key, Confirmation body) {
        Confirmation c = body == null ? new Confirmation(false, null) : body;
        return accepted(machines.stop(Params.caller(req), Params.id("id", id), Boolean.TRUE.equals(c.confirm()),
            key != null ? key : c.idempotencyKey()));
    }

    @POST
    @Path("{id}/start")
    @Doc(value = "Start a stopped machine", returns = Job.class, status = 202)
    public Response start(@Context HttpServletRequest req, @PathParam("id") String id,
                          @HeaderParam("Idempotency-Key") String key) {
        return accepted(machines.start(Params.caller(req), Params.id("id", id), key));
    }

    @POST
    @Path("{id}/upgrade")
    @Doc(value = "Upgrade to the latest version, every step of the path in one job; needs your password again",
        body = Upgrade.class, returns = Job.class, status = 202)
    public Response upgrade(@Context HttpServletRequest req, @PathParam("id") String id,
                            @HeaderParam("Idempotency-Key") String key, Upgrade body) {
        Upgrade u = Params.body("upgrade", body);
        Caller caller = u.password() == null ? Params.caller(req)
            : auth.reauthenticate(Params.caller(req), u.password(), req.getHeader(AuthFilter.OTP_HEADER));
        return accepted(machines.upgrade(caller, Params.id("id", id), key != null ? key : u.idempotencyKey()));
    }

    @PUT
    @Path("{id}/apps/{app}")
    @Doc(value = "Activate a catalog app on the machine", returns = Machine.class)
    public Machine activateApp(@Context HttpServletRequest req, @PathParam("id") String id, @PathParam("app") String app) {
        return machines.activateApp(Params.caller(req), Params.id("id", id), app);
    }

    @DELETE
    @Path("{id}/apps/{app}")
    @Doc(value = "Deactivate an app on the machine", returns = Machine.class)
    public Machine deactivateApp(@Context HttpServletRequest req, @PathParam("id") String id, @PathParam("app") String app) {
        return machines.deactivateApp(Params.caller(req), Params.id("id", id), app);
    }

    @DELETE
    @Path("{id}")
    @Doc(value = "Delete a stopped machine; needs ?confirm=true. The record stays, as DELETED", returns = Job.class, status = 202)
    public Response delete(@Context HttpServletRequest req, @PathParam("id") String id,
                           @QueryParam("confirm") String confirm, @HeaderParam("Idempotency-Key") String key) {
        return accepted(machines.delete(Params.caller(req), Params.id("id", id), Params.bool("confirm", confirm, false), key));
    }

    private static Response accepted(Job job) {
        return Response.status(202).location(Params.location("jobs/" + job.id())).entity(job).build();
    }
}
