package org.mtmanager.access.facade.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.mtmanager.api.access.AccessService;
import org.mtmanager.api.access.FirewallStatus;
import org.mtmanager.rest.support.Doc;
import org.mtmanager.rest.support.Params;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /firewall/sync}: the firewall against the database, and its repair (platform administrators). */
@Path("/firewall")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class, property = RestResource.ORDER + ":Integer=140")
public class FirewallResource implements RestResource {
    private final AccessService access;

    @Activate
    public FirewallResource(@Reference AccessService access) {
        this.access = access;
    }

    @POST
    @Path("sync")
    @Doc(value = "Compare the firewall with the database and repair it; ?repair=false only reports (platform administrators)",
        returns = FirewallStatus.class)
    public FirewallStatus sync(@Context HttpServletRequest req, @QueryParam("repair") String repair) {
        return access.sync(Params.caller(req), Params.bool("repair", repair, true));
    }
}
