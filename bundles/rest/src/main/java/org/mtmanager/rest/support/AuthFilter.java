package org.mtmanager.rest.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.Context;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.user.AuthService;
import org.mtmanager.api.user.RequestLimiter;
import org.mtmanager.api.user.SessionService;

/**
 * Authentication for every resource except the public OpenAPI document, the health check and the login itself,
 * with one of:
 * HTTP Basic over the platform's users (plus the TOTP code in {@value #OTP_HEADER} where two-factor
 * authentication is on), {@code Authorization: Bearer mtm_...} with an API token, or the {@value #SESSION_COOKIE}
 * cookie of a session opened by {@code POST /sessions}; a session's state-changing requests must also carry its
 * CSRF token in {@value #CSRF_HEADER}. A request may add the password again in {@value #PASSWORD_HEADER}, which
 * dangerous actions need when the request came with a session or a token.
 *
 * <p>Requests are rate limited per address (before anything else) and per user or token (429 with Retry-After).
 * A user whose account requires two-factor authentication, and who has not enrolled, may only enrol.
 */
public final class AuthFilter implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String CALLER = "mtm.caller";
    /** The TOTP code (or a recovery code) of a user with two-factor authentication on. */
    public static final String OTP_HEADER = "X-MTM-OTP";
    /** The password again, for a dangerous action on a request that came with a session or a token. */
    public static final String PASSWORD_HEADER = "X-MTM-Password";
    public static final String SESSION_COOKIE = "MTM_SESSION";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Sent by scripts in pages: a 401 then carries no Basic challenge, so that the browser shows no dialog. */
    public static final String REQUESTED_WITH = "X-Requested-With";
    /** What answers without credentials. */
    private static final Set<String> PUBLIC_PATHS = Set.of("openapi.json", "health");
    /** What answers without credentials to a client on the server's own host: a scraper of the metrics. */
    private static final Set<String> LOOPBACK_PATHS = Set.of("metrics");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** What a user who must enrol in two-factor authentication may still reach. */
    private static final Set<String> ENROLMENT_PATHS = Set.of("users/me/2fa", "users/me/2fa/confirm", "sessions/current");

    private final AuthService auth;
    private final SessionService sessions;
    private final RequestLimiter limiter;

    @Context
    private HttpServletRequest http;

    public AuthFilter(AuthService auth, SessionService sessions, RequestLimiter limiter) {
        this.auth = auth;
        this.sessions = sessions;
        this.limiter = limiter;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        String path = trim(ctx.getUriInfo().getPath());
        if (PUBLIC_PATHS.contains(path) && ctx.getHeaderString("Authorization") == null && sessionKey(http) == null) {
            return; // credentials sent anyway are checked like everywhere else
        }
        if (LOOPBACK_PATHS.contains(path) && ctx.getHeaderString("Authorization") == null && sessionKey(http) == null
                && loopback(http.getRemoteAddr())) {
            return; // the resource sees no caller, and checks the address again
        }
        try {
            limiter.checkAddress(http.getRemoteAddr());
            if (isLogin(path, ctx.getMethod())) {
                return; // the login: the session service authenticates, counts failures and limits them
            }
            Caller caller = caller(ctx);
            limiter.checkCaller(caller);
            String again = ctx.getHeaderString(PASSWORD_HEADER);
            if (again != null) {
                caller = auth.reauthenticate(caller, again, ctx.getHeaderString(OTP_HEADER));
            }
            if (caller.credential().enrolmentOnly() && !ENROLMENT_PATHS.contains(path)) {
                throw new MtmException(ErrorCode.TWO_FACTOR_REQUIRED, "otp", "your account requires two-factor "
                    + "authentication: enrol first (POST /users/me/2fa, then POST /users/me/2fa/confirm)");
            }
            http.setAttribute(CALLER, caller);
        } catch (MtmException e) {
            ctx.abortWith(ErrorBody.response(e));
        }
    }

    private Caller caller(ContainerRequestContext ctx) {
        String header = ctx.getHeaderString("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.authenticateToken(header.substring(7).strip(), http.getRemoteAddr(), Channel.REST);
        }
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new MtmException(ErrorCode.UNAUTHENTICATED, "malformed Basic credentials");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new MtmException(ErrorCode.UNAUTHENTICATED, "malformed Basic credentials");
            }
            return auth.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1),
                ctx.getHeaderString(OTP_HEADER), http.getRemoteAddr(), Channel.REST);
        }
        String key = sessionKey(http);
        if (key == null) {
            throw new MtmException(ErrorCode.UNAUTHENTICATED, "authentication required: HTTP Basic with a platform "
                + "user, Bearer with an API token, or a session from POST /sessions");
        }
        Caller caller = sessions.authenticate(key, http.getRemoteAddr(), Channel.REST);
        if (!SAFE_METHODS.contains(ctx.getMethod())) {
            String csrf = ctx.getHeaderString(CSRF_HEADER);
            if (csrf == null || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                    sessions.csrfToken(key).getBytes(StandardCharsets.UTF_8))) {
                throw new MtmException(ErrorCode.FORBIDDEN, CSRF_HEADER,
                    CSRF_HEADER + ": a session's changes must carry its CSRF token");
            }
        }
        return caller;
    }

    /** Whether a request to {@code path} (with or without its leading slash) must carry credentials. */
    public static boolean needsCredentials(String path, String method) {
        String p = trim(path);
        return !PUBLIC_PATHS.contains(p) && !isLogin(p, method);
    }

    private static boolean isLogin(String path, String method) {
        return "sessions".equals(path) && "POST".equals(method);
    }

    /** Whether an address (a literal, as a request's remote address is: nothing is looked up) is loopback. */
    public static boolean loopback(String address) {
        try {
            return address != null && !address.isEmpty() && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The session key of the request's cookie, or null. */
    public static String sessionKey(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (SESSION_COOKIE.equals(c.getName()) && !c.getValue().isBlank()) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getHeaderString(REQUESTED_WITH) != null || sessionKey(http) != null) {
            response.getHeaders().remove("WWW-Authenticate");
        }
    }

    private static String trim(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
