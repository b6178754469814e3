package org.mtmanager.machine.facade.rest;

import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.mtmanager.api.host.Host;
import org.mtmanager.api.host.HostService;
import org.mtmanager.rest.support.Doc;
import org.mtmanager.rest.support.Params;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /hosts}: the hypervisor hosts, their use, and why any cannot take machines (platform administrators). */
@Path("/hosts")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class, property = RestResource.ORDER + ":Integer=110")
public class HostResource implements RestResource {
    private final HostService hosts;

    @Activate
    public HostResource(@Reference HostService hosts) {
        this.hosts = hosts;
    }

    @GET
    @Doc(value = "Every configured host with its use and problems (platform administrators)", returns = Host.class, list = true)
    public List<Host> list(@Context HttpServletRequest req) {
        return hosts.list(Params.caller(req));
    }

    @GET
    @Path("{name}")
    @Doc(value = "One host (platform administrators)", returns = Host.class)
    public Host get(@Context HttpServletRequest req, @PathParam("name") String name) {
        return hosts.get(Params.caller(req), name);
    }
}
