package org.mtmanager.tls;

import java.io.IOException;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * Keeps plain HTTP to the clients {@link PlainHttp} allows. Pax Web adds every {@link HttpConfiguration.Customizer}
 * service to its connectors, and Jetty skips the handlers of a request that a customizer has handled, so the
 * refusal comes before any servlet (REST, SOAP, the portal) has seen a credential. Page loads are redirected to
 * HTTPS; other requests get 403, since following a redirect would resend their credentials in clear.
 */
@Component(service = HttpConfiguration.Customizer.class, configurationPid = "org.mtmanager.tls")
public class PlainHttpGuard implements HttpConfiguration.Customizer {
    private volatile boolean tls;
    private volatile PlainHttp plain;
    private volatile int httpsPort;

    @Activate
    @Modified
    void configure(TlsConfig config) {
        this.plain = PlainHttp.parse(config.plainHttp());
        this.tls = config.enabled();
        this.httpsPort = config.httpsPort();
    }

    @Override
    public void customize(Connector connector, HttpConfiguration channelConfig, Request request) {
        if (!tls || connector.getConnectionFactory(SslConnectionFactory.class) != null
                || plain.allows(request.getRemoteAddr())) {
            return;
        }
        Response response = request.getResponse();
        try {
            String host = request.getServerName();
            String target = "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + httpsPort
                + request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
                response.setStatus(308);
                response.setHeader("Location", target);
            } else {
                response.setStatus(403);
            }
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().write("Plain HTTP is not served to this address: use " + target + "\n");
        } catch (IOException e) {
            response.setStatus(403);
        }
        request.setHandled(true);
    }
}
