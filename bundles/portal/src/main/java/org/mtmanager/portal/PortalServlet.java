package org.mtmanager.portal;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Answers GET and HEAD with the portal's files. The headers keep the page's own scripts the only code that runs
 * (no inline script, nothing from elsewhere, no framing). The page is revalidated on every load, and names its
 * files under this release's version ({@link Assets#version()}), which a browser keeps for good: so an upgraded
 * platform never mixes old and new modules, and a load asks for one small file. Text goes gzipped to a client that
 * takes it.
 */
final class PortalServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String FOREVER = "public, max-age=31536000, immutable";

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
        boolean gzip = a.gzipped() != null && acceptsGzip(req.getHeader("Accept-Encoding"));
        // Each representation has its own strong ETag; a cache keeps them apart by Accept-Encoding.
        String etag = gzip ? a.etag().substring(0, a.etag().length() - 1) + "-gz\"" : a.etag();
        resp.setHeader("ETag", etag);
        resp.setHeader("Cache-Control", assets.isCurrentVersion(path) ? FOREVER : "no-cache");
        if (a.gzipped() != null) {
            resp.setHeader("Vary", "Accept-Encoding");
        }
        if (matches(req.getHeader("If-None-Match"), etag)) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = gzip ? a.gzipped() : a.bytes();
        resp.setContentType(a.contentType());
        if (gzip) {
            resp.setHeader("Content-Encoding", "gzip");
        }
        resp.setContentLength(body.length);
        // HEAD comes through here too, with a response that drops the body.
        resp.getOutputStream().write(body);
    }

    /** Whether an Accept-Encoding header takes gzip (by name or as "*"), with a weight above zero. */
    static boolean acceptsGzip(String header) {
        if (header == null) {
            return false;
        }
        for (String part : header.split(",")) {
            String[] p = part.split(";");
            String coding = p[0].strip().toLowerCase(Locale.ROOT);
            if (coding.equals("gzip") || coding.equals("*")) {
                return p.length == 1 || !p[1].strip().replace(" ", "").matches("q=0(\\.0{0,3})?");
            }
        }
        return false;
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    static void securityHeaders(HttpServletResponse resp) {
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Referrer-Policy", "no-referrer");
    }
}
