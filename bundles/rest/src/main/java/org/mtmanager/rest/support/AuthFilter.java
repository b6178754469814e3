package org.mtmanager.rest.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.Context;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.user.AuthService;
import org.mtmanager.api.user.RequestLimiter;

/**
 * HTTP Basic authentication over the platform's users (or {@code Authorization: Bearer mtm_...} with an API token), for every resource except the public OpenAPI document.
 * The {@link AuthService} checks the portal whitelist before the password, so a request from an address off the
 * list is answered 403 whatever its credentials. A user with two-factor authentication on also sends the current
 * code in {@value #OTP_HEADER}. Requests are rate limited per address (before anything else) and per user or token
 * (429 with Retry-After).
 */
public final class AuthFilter implements ContainerRequestFilter {
    public static final String CALLER = "mtm.caller";
    /** The TOTP code (or a recovery code) of a user with two-factor authentication on. */
    public static final String OTP_HEADER = "X-MTM-OTP";

    private final AuthService auth;
    private final RequestLimiter limiter;

    @Context
    private HttpServletRequest http;

    public AuthFilter(AuthService auth, RequestLimiter limiter) {
        this.auth = auth;
        this.limiter = limiter;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        if ("openapi.json".equals(path) || "/openapi.json".equals(path)) {
            return;
        }
        try {
            limiter.checkAddress(http.getRemoteAddr());
        } catch (MtmException e) {
            ctx.abortWith(ErrorBody.response(e));
            return;
        }
        String header = ctx.getHeaderString("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            try {
                Caller caller = auth.authenticateToken(header.substring(7).strip(), http.getRemoteAddr(), Channel.REST);
                limiter.checkCaller(caller);
                http.setAttribute(CALLER, caller);
            } catch (MtmException e) {
                ctx.abortWith(ErrorBody.response(e));
            }
            return;
        }
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            ctx.abortWith(ErrorBody.response(new MtmException(ErrorCode.UNAUTHENTICATED,
                "authentication required: HTTP Basic with a platform user, or Bearer with an API token")));
            return;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            ctx.abortWith(ErrorBody.response(new MtmException(ErrorCode.UNAUTHENTICATED, "malformed Basic credentials")));
            return;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            ctx.abortWith(ErrorBody.response(new MtmException(ErrorCode.UNAUTHENTICATED, "malformed Basic credentials")));
            return;
        }
        try {
            Caller caller = auth.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1),
                ctx.getHeaderString(OTP_HEADER), http.getRemoteAddr(), Channel.REST);
            limiter.checkCaller(caller);
            http.setAttribute(CALLER, caller);
        } catch (MtmException e) {
            ctx.abortWith(ErrorBody.response(e));
        }
    }
}
