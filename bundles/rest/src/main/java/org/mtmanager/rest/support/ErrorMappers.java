package org.mtmanager.rest.support;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
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
    private static final int FIELD_MAX = 100;

    @Override
    public Response toResponse(Throwable t) {
        // The service's own error wins over a wrapper (a record's constructor may throw it inside Jackson).
        MtmException mtm = find(t, MtmException.class);
        if (mtm != null) {
            return ErrorBody.response(mtm);
        }
        JsonProcessingException json = find(t, JsonProcessingException.class);
        if (json != null) {
            return json(json);
        }
        if (t instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            return fromStatus(w.getResponse().getStatus());
        }
        String ref = UUID.randomUUID().toString();
        LOG.error("Internal error, reference {}", ref, t);
        return ErrorBody.response(ErrorCode.INTERNAL, "internal error; reference " + ref, null);
    }

    /** The first exception of that type on the cause chain; chains may loop (a.initCause(b), b.initCause(a)). */
    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
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

    /** Jackson's refusals, in the API's words: the field by its JSON path, and what it must be, never a Java type. */
    static Response json(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = path(m);
            String rule = e instanceof UnrecognizedPropertyException ? "is not a known field"
                : e instanceof MismatchedInputException mi ? "has the wrong type: " + Expected.of(mi.getTargetType())
                : "has a value the API cannot take";
            return ErrorBody.response(ErrorCode.INVALID_FIELD, field + ": " + rule, field);
        }
        if (e instanceof MismatchedInputException mi) {
            if (original.startsWith("No content to map")) {
                return malformed("malformed JSON: the body is empty");
            }
            if (original.startsWith("Trailing token")) {
                return malformed("malformed JSON: the body must hold one JSON value, and more follows it");
            }
            return malformed("the body " + Expected.of(mi.getTargetType()));
        }
        if (original.startsWith("Unexpected end-of-input")) {
            return malformed("malformed JSON: the body ends before its JSON value is complete");
        }
        JsonLocation at = e.getLocation();
        return malformed("malformed JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
            + ": not valid JSON syntax");
    }

    private static Response malformed(String message) {
        return ErrorBody.response(ErrorCode.MALFORMED_REQUEST, message, null);
    }

    /** "entries[1].cidr"; a client's unknown field name is cut short, so that an answer never echoes it unbounded. */
    private static String path(JsonMappingException m) {
        String field = m.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining(".")).replace(".[", "[");
        return field.length() <= FIELD_MAX ? field : field.substring(0, FIELD_MAX) + "...";
    }
}
