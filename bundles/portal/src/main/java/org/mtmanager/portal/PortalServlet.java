package org.mtmanager.portal;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Answers GET and HEAD with the portal's files. The headers keep the page's own scripts the only code that runs
 * (no inline script, nothing from elsewhere, no framing), and every response is revalidated so an upgraded
 * platform never mixes old and new modules.
 */
final class PortalServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final transient Assets assets;

    PortalServlet(Assets assets) {
        this.assets = assets;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null) {
            // Relative links (css/portal.css, ../api/v1) only resolve from the folder, not from /mtm/portal.
            resp.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            resp.setHeader("Location", req.getRequestURI() + "/");
            return;
        }
        Optional<Assets.Asset> found = assets.find(path);
        securityHeaders(resp);
        if (found.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Assets.Asset a = found.get();
        resp.setHeader("ETag", a.etag());
        resp.setHeader("Cache-Control", "no-cache");
        if (a.etag().equals(req.getHeader("If-None-Match"))) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        resp.setContentType(a.contentType());
        resp.setContentLength(a.bytes().length);
        // HEAD comes through here too, with a response that drops the body.
        resp.getOutputStream().write(a.bytes());
    }

    static void securityHeaders(HttpServletResponse resp) {
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Referrer-Policy", "no-referrer");
    }
}
