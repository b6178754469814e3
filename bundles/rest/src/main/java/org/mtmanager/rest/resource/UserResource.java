package org.mtmanager.rest.resource;

import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
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
import org.mtmanager.api.Page;
import org.mtmanager.api.user.ApiToken;
import org.mtmanager.api.user.CreatedToken;
import org.mtmanager.api.user.Session;
import org.mtmanager.api.user.SessionService;
import org.mtmanager.api.user.TokenDraft;
import org.mtmanager.api.user.TokenService;
import org.mtmanager.api.user.TwoFactorEnrolment;
import org.mtmanager.api.user.TwoFactorService;
import org.mtmanager.api.user.User;
import org.mtmanager.api.user.UserDraft;
import org.mtmanager.api.user.UserService;
import org.mtmanager.rest.support.Doc;
import org.mtmanager.rest.support.Params;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /users}: users of the caller's subtree. */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class, property = RestResource.ORDER + ":Integer=20")
public class UserResource implements RestResource {

    /** Body of a password change. */
    public record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[***]";
        }
    }

    /** Body of a two-factor confirmation. */
    public record TwoFactorCode(String code) {
    }

    private final UserService users;
    private final TwoFactorService twoFactor;
    private final TokenService tokens;
    private final SessionService sessions;

    @Activate
    public UserResource(@Reference UserService users, @Reference TwoFactorService twoFactor, @Reference TokenService tokens, @Reference SessionService sessions) {
        this.users = users;
        this.twoFactor = twoFactor;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @GET
    @Path("me/sessions")
    @Doc(value = "Your live sessions, newest first; 'current' marks this request's", returns = Session.class, list = true)
    public List<Session> listSessions(@Context HttpServletRequest req) {
        return sessions.list(Params.caller(req));
    }

    @DELETE
    @Path("me/sessions/{sessionId}")
    @Doc(value = "End one of your sessions at once", returns = Session.class)
    public Session revokeSession(@Context HttpServletRequest req, @PathParam("sessionId") String sessionId) {
        return sessions.revoke(Params.caller(req), Params.id("sessionId", sessionId));
    }

    @POST
    @Path("me/tokens")
    @Doc(value = "Create an API token (scope read, billing or full; optional cidrs and expiresAt); its secret is "
        + "shown only now. Use it as 'Authorization: Bearer <secret>'", body = TokenDraft.class,
        returns = CreatedToken.class, status = 201)
    public Response createToken(@Context HttpServletRequest req, TokenDraft draft) {
        CreatedToken t = tokens.create(Params.caller(req), Params.body("token", draft));
        return Response.status(201).location(Params.location("users/me/tokens/" + t.token().id())).entity(t).build();
    }

    @GET
    @Path("me/tokens")
    @Doc(value = "Your API tokens, without their secrets", returns = ApiToken.class, list = true)
    public List<ApiToken> listTokens(@Context HttpServletRequest req) {
        return tokens.list(Params.caller(req));
    }

    @DELETE
    @Path("me/tokens/{tokenId}")
    @Doc(value = "Revoke one of your API tokens at once", returns = ApiToken.class)
    public ApiToken revokeToken(@Context HttpServletRequest req, @PathParam("tokenId") String tokenId) {
        return tokens.revoke(Params.caller(req), Params.id("tokenId", tokenId));
    }

    @POST
    @Path("me/2fa")
    @Doc(value = "Start your two-factor (TOTP) enrolment: the secret, its otpauth URI and recovery codes, shown once",
        returns = TwoFactorEnrolment.class, status = 201)
    public Response enrolTwoFactor(@Context HttpServletRequest req) {
        return Response.status(201).entity(twoFactor.enrol(Params.caller(req))).build();
    }

    @POST
    @Path("me/2fa/confirm")
    @Doc(value = "Turn your two-factor authentication on with a first valid code; logins then send X-MTM-OTP",
        body = TwoFactorCode.class, status = 204)
    public Response confirmTwoFactor(@Context HttpServletRequest req, TwoFactorCode body) {
        twoFactor.confirm(Params.caller(req), Params.body("code", body).code());
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/2fa")
    @Doc(value = "Reset (turn off) the two-factor authentication of a user of your subtree", status = 204)
    public Response resetTwoFactor(@Context HttpServletRequest req, @PathParam("id") String id) {
        Caller c = Params.caller(req);
        twoFactor.reset(c, "me".equals(id) ? c.userId() : Params.id("id", id));
        return Response.noContent().build();
    }

    @GET
    @Doc(value = "Users of the caller's subtree, or of one account with ?accountId=", returns = User.class, page = true)
    public Page<User> list(@Context HttpServletRequest req, @QueryParam("accountId") String accountId,
                           @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return users.list(Params.caller(req), Params.optionalId("accountId", accountId), Params.page(offset, limit));
    }

    @POST
    @Doc(value = "Create a user; accountId defaults to the caller's account", body = UserDraft.class, returns = User.class,
        status = 201)
    public Response create(@Context HttpServletRequest req, UserDraft draft) {
        User u = users.create(Params.caller(req), Params.body("user", draft));
        return Response.status(201).location(Params.location("users/" + u.id())).entity(u).build();
    }

    @GET
    @Path("me")
    @Doc(value = "The authenticated user", returns = User.class)
    public User me(@Context HttpServletRequest req) {
        Caller c = Params.caller(req);
        return users.get(c, c.userId());
    }

    @GET
    @Path("{id}")
    @Doc(value = "One user", returns = User.class)
    public User get(@Context HttpServletRequest req, @PathParam("id") String id) {
        return users.get(Params.caller(req), Params.id("id", id));
    }

    @DELETE
    @Path("{id}")
    @Doc(value = "Delete a user", status = 204)
    public Response delete(@Context HttpServletRequest req, @PathParam("id") String id) {
        users.delete(Params.caller(req), Params.id("id", id));
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/password")
    @Doc(value = "Change a password: your own with currentPassword, or reset one of your subtree's users",
        body = PasswordChange.class, status = 204)
    public Response password(@Context HttpServletRequest req, @PathParam("id") String id, PasswordChange change) {
        PasswordChange c = Params.body("password change", change);
        users.setPassword(Params.caller(req), Params.id("id", id), c.currentPassword(), c.newPassword());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/unlock")
    @Doc(value = "Lift a lockout", returns = User.class)
    public User unlock(@Context HttpServletRequest req, @PathParam("id") String id) {
        return users.unlock(Params.caller(req), Params.id("id", id));
    }
}
