package org.mtmanager.rest;

import java.io.IOException;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.mtmanager.api.ErrorCode;
import org.mtmanager.rest.support.ErrorBody;
import org.mtmanager.rest.support.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.HttpService;
import org.osgi.service.http.NamespaceException;

/**
 * Answers every path that no endpoint serves with the API's error document. Without it, a path that Jetty
 * resolves outside {@code /mtm} (".../..%2F..%2F") reached Jetty's own default servlet, which answered in its
 * own shape ({"servlet":"default",...}).
 */
@Component(immediate = true)
public class NotFoundServer {
    static final String ALIAS = "/";

    private final HttpService http;

    @Activate
    public NotFoundServer(@Reference HttpService http) throws ServletException, NamespaceException {
        this.http = http;
        http.registerServlet(ALIAS, new NotFoundServlet(), null, null);
    }

    @Deactivate
    void stop() {
        http.unregister(ALIAS);
    }

    /** 404 in the API's error shape, for any method. */
    static final class NotFoundServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private static final ObjectMapper JSON = Json.mapper();

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setStatus(ErrorCode.NOT_FOUND.httpStatus());
            resp.setContentType("application/json");
            resp.setCharacterEncoding("UTF-8");
            JSON.writeValue(resp.getOutputStream(), new ErrorBody(ErrorCode.NOT_FOUND.name(), "no such resource", null));
        }
    }
}
