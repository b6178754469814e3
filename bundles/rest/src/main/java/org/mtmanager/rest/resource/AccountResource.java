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
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.mtmanager.api.MtmException;
import org.mtmanager.api.Page;
import org.mtmanager.api.account.Account;
import org.mtmanager.api.account.AccountChange;
import org.mtmanager.api.account.AccountDraft;
import org.mtmanager.api.account.AccountQuery;
import org.mtmanager.api.account.AccountService;
import org.mtmanager.api.account.WhitelistEntry;
import org.mtmanager.rest.support.Doc;
import org.mtmanager.rest.support.Params;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /accounts}: the account tree and each account's portal whitelist. */
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class, property = RestResource.ORDER + ":Integer=10")
public class AccountResource implements RestResource {
    private final AccountService accounts;

    @Activate
    public AccountResource(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    @Doc(value = "Accounts of the caller's subtree, by id", returns = Account.class, page = true)
    public Page<Account> list(@Context HttpServletRequest req, @QueryParam("offset") String offset,
                              @QueryParam("limit") String limit, @QueryParam("parentId") String parentId,
                              @QueryParam("type") String type, @QueryParam("search") String search) {
        return accounts.list(Params.caller(req), new AccountQuery(Params.optionalId("parentId", parentId), type, search),
            Params.page(offset, limit));
    }

    @POST
    @Doc(value = "Create an account under parentId (default: the caller's own account)", body = AccountDraft.class,
        returns = Account.class, status = 201)
    public Response create(@Context HttpServletRequest req, AccountDraft draft) {
        Account a = accounts.create(Params.caller(req), Params.body("account", draft));
        return Response.status(201).location(Params.location("accounts/" + a.id())).entity(a).build();
    }

    @GET
    @Path("{id}")
    @Doc(value = "One account", returns = Account.class)
    public Account get(@Context HttpServletRequest req, @PathParam("id") String id) {
        return accounts.get(Params.caller(req), Params.id("id", id));
    }

    @PATCH
    @Path("{id}")
    @Doc(partial = true, value = "Change an account's name or contact e-mail; absent fields are kept", body = AccountChange.class,
        returns = Account.class)
    public Account update(@Context HttpServletRequest req, @PathParam("id") String id, AccountChange change) {
        return accounts.update(Params.caller(req), Params.id("id", id), Params.body("change", change));
    }

    @PUT
    @Path("{id}")
    @Doc(partial = true, value = "Same as PATCH", body = AccountChange.class, returns = Account.class)
    public Account replace(@Context HttpServletRequest req, @PathParam("id") String id, AccountChange change) {
        return update(req, id, change);
    }

    @DELETE
    @Path("{id}")
    @Doc(value = "Delete an account that holds no other accounts", status = 204)
    public Response delete(@Context HttpServletRequest req, @PathParam("id") String id) {
        accounts.delete(Params.caller(req), Params.id("id", id));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/suspend")
    @Doc(value = "Suspend an account: its users and those of its subtree cannot log in", returns = Account.class)
    public Account suspend(@Context HttpServletRequest req, @PathParam("id") String id) {
        return accounts.suspend(Params.caller(req), Params.id("id", id));
    }

    /** Body of a two-factor requirement. */
    public record TwoFactorRequirement(Boolean required) {
    }

    @PUT
    @Path("{id}/two-factor")
    @Doc(value = "Require (or not) two-factor authentication of every user of the account's subtree",
        body = TwoFactorRequirement.class, returns = Account.class)
    public Account requireTwoFactor(@Context HttpServletRequest req, @PathParam("id") String id,
                                    TwoFactorRequirement body) {
        Boolean required = Params.body("two-factor requirement", body).required();
        if (required == null) {
            throw MtmException.invalid("required", "is required: true or false");
        }
        return accounts.requireTwoFactor(Params.caller(req), Params.id("id", id), required);
    }

    @POST
    @Path("{id}/resume")
    @Doc(value = "Lift a suspension", returns = Account.class)
    public Account resume(@Context HttpServletRequest req, @PathParam("id") String id) {
        return accounts.resume(Params.caller(req), Params.id("id", id));
    }

    @GET
    @Path("{id}/whitelist")
    @Doc(value = "The account's portal whitelist", returns = WhitelistEntry.class, list = true)
    public List<WhitelistEntry> whitelist(@Context HttpServletRequest req, @PathParam("id") String id) {
        return accounts.whitelist(Params.caller(req), Params.id("id", id));
    }

    @PUT
    @Path("{id}/whitelist")
    @Doc(value = "Replace the whole whitelist (an empty list lets users in from anywhere)", body = WhitelistEntry[].class,
        returns = WhitelistEntry.class, list = true)
    public List<WhitelistEntry> replaceWhitelist(@Context HttpServletRequest req, @PathParam("id") String id,
                                                 List<WhitelistEntry> entries) {
        return accounts.replaceWhitelist(Params.caller(req), Params.id("id", id), Params.body("list of entries", entries));
    }

    @POST
    @Path("{id}/whitelist")
    @Doc(value = "Add one address or CIDR block", body = WhitelistEntry.class, returns = WhitelistEntry.class, list = true)
    public List<WhitelistEntry> addToWhitelist(@Context HttpServletRequest req, @PathParam("id") String id,
                                               WhitelistEntry entry) {
        return accounts.addToWhitelist(Params.caller(req), Params.id("id", id), Params.body("entry", entry));
    }

    @DELETE
    @Path("{id}/whitelist")
    @Doc(value = "Remove one entry, given as ?cidr=", returns = WhitelistEntry.class, list = true)
    public List<WhitelistEntry> removeFromWhitelist(@Context HttpServletRequest req, @PathParam("id") String id,
                                                    @QueryParam("cidr") String cidr) {
        return accounts.removeFromWhitelist(Params.caller(req), Params.id("id", id), cidr);
    }
}
