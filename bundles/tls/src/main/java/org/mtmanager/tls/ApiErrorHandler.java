package org.mtmanager.tls;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;
import org.mtmanager.api.ErrorCode;

/**
 * Jetty's answers to the requests it refuses by itself, before any servlet runs (a request line or headers over its
 * limits, a bad percent-encoding, an unknown HTTP version), in the API's error document
 * {@code {"error": CODE, "message": ..., "field": null}}. That holds under the API's path and wherever Jetty could
 * not read the path at all (a request line too long or unparseable): a client of the API must be able to read every
 * answer it gets. Other paths (the portal) keep Jetty's own page.
 */
class ApiErrorHandler extends ErrorHandler {
    static final String API_PATH = "/mtm/api";
    static final String JSON = "application/json;charset=utf-8";

    /** Errors found while parsing: there is no servlet request yet, only the connection's. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        if (!forApi(pathOfCurrentRequest())) {
            return super.badMessageError(status, reason, fields);
        }
        fields.put(HttpHeader.CONTENT_TYPE, JSON);
        return BufferUtil.toBuffer(body(status), StandardCharsets.UTF_8);
    }

    /** Errors of a parsed request that no context took (for example one whose path cannot be decoded). */
    @Override
    public void doError(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        HttpURI uri = baseRequest.getHttpURI();
        if (!forApi(uri == null ? null : uri.getPath())) {
            super.doError(target, baseRequest, request, response);
            return;
        }
        baseRequest.setHandled(true);
        response.setHeader("Cache-Control", getCacheControl());
        response.setContentType(JSON);
        Writer out = response.getWriter();
        out.write(body(response.getStatus()));
        out.flush();
    }

    /** Jetty writes no body for a PUT, PATCH or DELETE unless asked: the API's clients get one for every method. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /** The raw path of the request the current thread parses; null where none was read. */
    private static String pathOfCurrentRequest() {
        HttpConnection connection = HttpConnection.getCurrentConnection();
        if (connection == null) {
            return null;
        }
        HttpURI uri = connection.getHttpChannel().getRequest().getHttpURI();
        return uri == null ? null : uri.getPath();
    }

    static boolean forApi(String rawPath) {
        return rawPath == null || rawPath.isEmpty() || rawPath.equals(API_PATH) || rawPath.startsWith(API_PATH + "/");
    }

    /** The error document for a status Jetty chose; messages are constants, so nothing needs escaping. */
    static String body(int status) {
        ErrorCode code = switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 && status != 505 ? ErrorCode.INTERNAL : ErrorCode.MALFORMED_REQUEST;
        };
        return "{\"error\":\"" + code.name() + "\",\"message\":\"" + message(status) + "\",\"field\":null}";
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "the request is malformed: its request line, a header or the percent-encoding of its path";
            case 404 -> "no such resource";
            case 405 -> "the method is not allowed here";
            case 406 -> "the resource cannot answer in the media type asked for";
            case 411 -> "the request body needs a Content-Length";
            case 413 -> "the request body is too large";
            case 414 -> "the request line is too long";
            case 415 -> "the request body is in a format the resource does not read";
            case 431 -> "the request headers are too large";
            case 505 -> "the HTTP version is not supported";
            default -> status >= 500 ? "the server could not answer the request" : "the request was refused";
        };
    }
}
