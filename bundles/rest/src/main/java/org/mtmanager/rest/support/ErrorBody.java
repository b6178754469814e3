package org.mtmanager.rest.support;

import java.util.List;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.mtmanager.api.BadFileException;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.LineError;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.RateLimitedException;

/** The error document every resource answers with: {@code {"error": CODE, "message": ..., "field": ...}}. */
public record ErrorBody(String error, String message, String field) {

    public static Response response(ErrorCode code, String message, String field) {
        return Response.status(code.httpStatus()).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(new ErrorBody(code.name(), message, field)).build();
    }

    /** The error document of a bad imported file, with every bad line. */
    public record FileErrors(String error, String message, String field, List<LineError> errors) {
    }

    public static Response response(MtmException e) {
        Object body = e instanceof BadFileException f ? new FileErrors(e.code().name(), e.getMessage(), e.field(), f.errors())
            : new ErrorBody(e.code().name(), e.getMessage(), e.field());
        Response.ResponseBuilder b = Response.status(e.code().httpStatus()).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(body);
        if (e instanceof RateLimitedException r) {
            b.header("Retry-After", String.valueOf(r.retryAfterSeconds()));
        }
        if (e.code() == ErrorCode.UNAUTHENTICATED) {
            b.header("WWW-Authenticate", "Basic realm=\"MT Manager\", charset=\"UTF-8\"");
        }
        return b.build();
    }
}
