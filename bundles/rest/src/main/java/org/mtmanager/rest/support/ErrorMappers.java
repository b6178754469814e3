package org.mtmanager.rest.support;

import java.util.UUID;
import java.util.stream.Collectors;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception into the API's error document. Bad input is always a 4xx naming the field; only a fault
 * of the platform is a 500, and then without any internal detail, just a reference to find it in the log.
 */
public final class ErrorMappers implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMappers.class);

    @Override
    public Response toResponse(Throwable t) {
        // Cause chains may loop (a.initCause(b), b.initCause(a)): visit each exception once.
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            if (c instanceof MtmException e) {
                return ErrorBody.response(e);
            }
            if (c instanceof JsonProcessingException e) {
                return json(e);
            }
        }
        if (t instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            return fromStatus(w.getResponse().getStatus());
        }
        String ref = UUID.randomUUID().toString();
        LOG.error("Internal error, reference {}", ref, t);
        return ErrorBody.response(ErrorCode.INTERNAL, "internal error; reference " + ref, null);
    }

    /** JAX-RS's own refusals (unknown path, wrong method or media type), in the API's error document. */
    private static Response fromStatus(int status) {
        return switch (status) {
            case 401 -> ErrorBody.response(ErrorCode.UNAUTHENTICATED, "authentication required", null);
            case 403 -> ErrorBody.response(ErrorCode.FORBIDDEN, "forbidden", null);
            case 404 -> ErrorBody.response(ErrorCode.NOT_FOUND, "no such resource", null);
            case 405 -> ErrorBody.response(ErrorCode.METHOD_NOT_ALLOWED, "method not allowed on this resource", null);
            case 406 -> ErrorBody.response(ErrorCode.NOT_ACCEPTABLE, "this resource cannot answer in the requested media type", null);
            case 415 -> ErrorBody.response(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json (text/csv for an import)", null);
            default -> ErrorBody.response(ErrorCode.MALFORMED_REQUEST, "the request could not be processed (HTTP " + status + ")", null);
        };
    }

    private static Response json(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
            String rule = e instanceof UnrecognizedPropertyException ? "is not a known field"
                : "has the wrong type or format";
            return ErrorBody.response(ErrorCode.INVALID_FIELD, field + ": " + rule, field);
        }
        String msg = e.getOriginalMessage();
        return ErrorBody.response(ErrorCode.MALFORMED_REQUEST, "malformed JSON: "
            + (msg == null ? "unreadable body" : msg.lines().findFirst().orElse("unreadable body")), null);
    }
}
