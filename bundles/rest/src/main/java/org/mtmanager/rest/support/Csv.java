package org.mtmanager.rest.support;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * CSV through content negotiation: a resource that offers it answers JSON by default and CSV when the client's
 * {@code Accept} prefers {@code text/csv}. One method serves both, so the OpenAPI document keeps one operation.
 */
public final class Csv {
    public static final String TEXT_CSV = "text/csv";

    private Csv() {
    }

    public static boolean wanted(HttpHeaders headers) {
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !m.isWildcardType()) {
                return false;
            }
            if (TEXT_CSV.equals(m.getType() + "/" + m.getSubtype())) {
                return true;
            }
        }
        return false;
    }

    public static Response ok(String csv, String filename) {
        return Response.ok(csv, TEXT_CSV + "; charset=UTF-8")
            .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
