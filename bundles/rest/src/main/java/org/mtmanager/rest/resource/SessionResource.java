package org.mtmanager.rest.resource;

import java.time.Instant;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.user.CreatedSession;
import org.mtmanager.api.user.Session;
import org.mtmanager.api.user.SessionService;
import org.mtmanager.rest.support.AuthFilter;
import org.mtmanager.rest.support.Doc;
import org.mtmanager.rest.support.Params;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /sessions}: logging in and out with a cookie, for the portal and for clients that prefer it to sending
 * the password on every request. The key travels only in an HttpOnly, SameSite=Strict cookie (Secure over HTTPS);
 * the page gets the CSRF token instead, which its changes must send in {@code X-CSRF-Token}.
 */
@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class, property = RestResource.ORDER + ":Integer=200")
public class SessionResource implements RestResource {

    /** Body of a login. */
    public record Login(String username, String password, String otp) {
        @Override
        public String toString() {
            return "Login[" + username + ", ***]";
        }
    }

    /** Who the session acts as. */
    public record SessionUser(long id, String username, long accountId, String role) {
    }

    /**
     * A live session as the page sees it.
     *
     * @param enrolmentOnly the account requires two-factor authentication, and the user must enrol before anything else
     */
    public record SessionInfo(long id, String csrfToken, long idleTimeoutSeconds, Instant expiresAt, SessionUser user,
                              boolean enrolmentOnly) {
    }

    private final SessionService sessions;

    @Activate
    public SessionResource(@Reference SessionService sessions) {
        this.sessions = sessions;
    }

    @POST
    @Doc(value = "Log in: opens a session, set as the MTM_SESSION cookie; send X-CSRF-Token with its changes",
        body = Login.class, returns = SessionInfo.class, status = 201)
    public Response login(@Context HttpServletRequest req, Login body) {
        Login l = Params.body("login", body);
        CreatedSession s = sessions.login(l.username(), l.password(), l.otp(), req.getRemoteAddr(),
            req.getHeader("User-Agent"), Channel.REST);
        return Response.status(201).header("Set-Cookie", cookie(req, s.key(), -1))
            .header("Cache-Control", "no-store")
            .entity(info(s.caller(), s.session().id(), s.csrfToken(), s.idleTimeoutSeconds(), s.session().expiresAt()))
            .build();
    }

    @GET
    @Path("current")
    @Doc(value = "The session of this request, with its CSRF token (a reloaded page asks here)", returns = SessionInfo.class)
    public Response current(@Context HttpServletRequest req) {
        Caller c = Params.caller(req);
        String key = AuthFilter.sessionKey(req);
        if (c.sessionId() == 0 || key == null) {
            throw new MtmException(ErrorCode.NOT_FOUND, "this request came without a session");
        }
        Session s = sessions.list(c).stream().filter(Session::current).findFirst()
            .orElseThrow(() -> new MtmException(ErrorCode.UNAUTHENTICATED, "the session has ended: log in again"));
        return Response.ok(info(c, s.id(), sessions.csrfToken(key), sessions.idleTimeoutSeconds(), s.expiresAt()))
            .header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("current")
    @Doc(value = "Log out: ends the session of this request and clears its cookie", status = 204)
    public Response logout(@Context HttpServletRequest req) {
        sessions.logout(Params.caller(req));
        return Response.noContent().header("Set-Cookie", cookie(req, "", 0)).build();
    }

    private static SessionInfo info(Caller c, long id, String csrf, long idle, Instant expiresAt) {
        return new SessionInfo(id, csrf, idle, expiresAt,
            new SessionUser(c.userId(), c.username(), c.accountId(), c.role().wireName()), c.credential().enrolmentOnly());
    }

    private static String cookie(HttpServletRequest req, String value, int maxAge) {
        return AuthFilter.SESSION_COOKIE + "=" + value + "; Path=/mtm; HttpOnly; SameSite=Strict"
            + (req.isSecure() ? "; Secure" : "") + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }
}
