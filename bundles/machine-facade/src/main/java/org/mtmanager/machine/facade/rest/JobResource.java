package org.mtmanager.machine.facade.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.mtmanager.api.Page;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.job.JobService;
import org.mtmanager.rest.support.Doc;
import org.mtmanager.rest.support.Params;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /jobs}: the progress and result of long operations. */
@Path("/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class, property = RestResource.ORDER + ":Integer=80")
public class JobResource implements RestResource {
    private final JobService jobs;

    @Activate
    public JobResource(@Reference JobService jobs) {
        this.jobs = jobs;
    }

    @GET
    @Doc(value = "Jobs of the caller's subtree, newest first; of one machine with ?machineId=; after=<the page's next> walks on",
        returns = Job.class, page = true)
    public Page<Job> list(@Context HttpServletRequest req, @QueryParam("machineId") String machineId,
                          @QueryParam("offset") String offset, @QueryParam("limit") String limit, @QueryParam("after") String after) {
        return jobs.list(Params.caller(req), Params.optionalId("machineId", machineId), Params.page(offset, limit, after));
    }

    @GET
    @Path("{id}")
    @Doc(value = "One job: state, step, percent, result or error", returns = Job.class)
    public Job get(@Context HttpServletRequest req, @PathParam("id") String id) {
        return jobs.get(Params.caller(req), Params.id("id", id));
    }
}
