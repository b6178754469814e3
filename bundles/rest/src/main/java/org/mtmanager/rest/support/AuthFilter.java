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

/**
 * HTTP Basic authentication over the platform's users, for every resource except the public OpenAPI document.
 * The {@link AuthService} checks the portal whitelist before the password, so a request from an address off the
 * list is answered 403 whatever its credentials. A user with two-factor authentication on also sends the current
 * code in {@value #OTP_HEADER}.
 */
public final class AuthFilter implements ContainerRequestFilter {
    public static final String CALLER = "mtm.caller";
    /** The TOTP code (or a recovery code) of a user with two-factor authentication on. */
    public static final String OTP_HEADER = "X-MTM-OTP";

    private final AuthService auth;

    @Context
    private HttpServletRequest http;

    public AuthFilter(AuthService auth) {
        this.auth = auth;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        if ("openapi.json".equals(path) || "/openapi.json".equals(path)) {
            return;
        }
        String header = ctx.getHeaderString("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            ctx.abortWith(ErrorBody.response(new MtmException(ErrorCode.UNAUTHENTICATED,
                "authentication required: HTTP Basic with a platform user")));
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
            http.setAttribute(CALLER, caller);
        } catch (MtmException e) {
            ctx.abortWith(ErrorBody.response(e));
        }
    }
}
