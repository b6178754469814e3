package org.mtmanager.machine.facade.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.mtmanager.api.machine.ReconciliationReport;
import org.mtmanager.api.machine.ReconciliationService;
import org.mtmanager.rest.support.Doc;
import org.mtmanager.rest.support.Params;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /reconcile}: compare the database with the drivers, and repair (platform administrators). */
@Path("/reconcile")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class, property = RestResource.ORDER + ":Integer=100")
public class ReconcileResource implements RestResource {
    private final ReconciliationService reconciler;

    @Activate
    public ReconcileResource(@Reference ReconciliationService reconciler) {
        this.reconciler = reconciler;
    }

    @POST
    @Doc(value = "Reconcile every reachable host; ?repair=false only reports", returns = ReconciliationReport.class)
    public ReconciliationReport reconcile(@Context HttpServletRequest req, @QueryParam("repair") String repair) {
        return reconciler.reconcile(Params.caller(req), Params.bool("repair", repair, true));
    }
}
