package org.mtmanager.billing.facade.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.mtmanager.api.billing.BillingService;
import org.mtmanager.api.billing.PriceList;
import org.mtmanager.api.billing.PriceListDraft;
import org.mtmanager.rest.support.Doc;
import org.mtmanager.rest.support.Params;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /price-lists/{accountId}}: the prices an account is billed at. */
@Path("/price-lists")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class, property = RestResource.ORDER + ":Integer=170")
public class PriceListResource implements RestResource {
    private final BillingService billing;

    @Activate
    public PriceListResource(@Reference BillingService billing) {
        this.billing = billing;
    }

    @GET
    @Path("{accountId}")
    @Doc(value = "The account's price list: its own, or the nearest ancestor's (ownerId says which)", returns = PriceList.class)
    public PriceList get(@Context HttpServletRequest req, @PathParam("accountId") String accountId) {
        return billing.priceList(Params.caller(req), Params.id("accountId", accountId));
    }

    @PUT
    @Path("{accountId}")
    @Doc(value = "Set the account's own price list (its biller: an account above it, or a platform administrator)",
        body = PriceListDraft.class, returns = PriceList.class)
    public PriceList put(@Context HttpServletRequest req, @PathParam("accountId") String accountId, PriceListDraft draft) {
        return billing.setPriceList(Params.caller(req), Params.id("accountId", accountId), Params.body("price list", draft));
    }

    @DELETE
    @Path("{accountId}")
    @Doc(value = "Remove the account's own price list; it inherits again", status = 204)
    public Response delete(@Context HttpServletRequest req, @PathParam("accountId") String accountId) {
        billing.deletePriceList(Params.caller(req), Params.id("accountId", accountId));
        return Response.noContent().build();
    }
}
