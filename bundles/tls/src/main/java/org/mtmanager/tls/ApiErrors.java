package org.mtmanager.tls;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.osgi.service.component.annotations.Component;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Gives the Jetty server the {@link ApiErrorHandler}. Jetty writes the answers to requests it cannot parse with the
 * server's error handler, before any servlet or customizer runs, and Pax Web offers no setting for that handler
 * short of a jetty.xml, whose classes it loads only from its own bundle. Pax Web does start every {@link Handler}
 * service inside each server it makes (this one too when it remakes the server), so this handler passes every
 * request on untouched and, when started, installs the error handler on the server it runs in. The service is
 * registered once, at boot, with no configuration: Pax Web remakes its server when such a service comes or goes.
 */
@Component(service = Handler.class)
public class ApiErrors extends AbstractHandler {

    @Override
    protected void doStart() throws Exception {
        Server server = getServer();
        if (!(server.getErrorHandler() instanceof ApiErrorHandler)) {
            ApiErrorHandler errors = new ApiErrorHandler();
            // the server is starting, so it starts a new bean at once; a started handler refuses a server
            errors.setServer(server);
            server.setErrorHandler(errors);
        }
        super.doStart();
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response) {
        // every request goes on to the contexts: this handler only installs the error handler
    }
}
