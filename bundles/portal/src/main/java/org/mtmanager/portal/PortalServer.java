package org.mtmanager.portal;

import javax.servlet.ServletException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.HttpService;
import org.osgi.service.http.NamespaceException;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Serves the portal for as long as the HTTP service is there. It registers through the HttpService, like CXF's
 * servlet at {@code /mtm}, so both share one servlet context and the longer alias wins for {@code /mtm/portal};
 * the Whiteboard would need another Pax Web feature for no gain.
 */
@Component(immediate = true, configurationPid = "org.mtmanager.portal")
@Designate(ocd = PortalConfig.class)
public class PortalServer {
    private final HttpService http;
    private final String alias;

    @Activate
    public PortalServer(PortalConfig config, @Reference HttpService http) throws ServletException, NamespaceException {
        this.http = http;
        this.alias = config.alias();
        http.registerServlet(alias, new PortalServlet(new Assets(PortalServer.class.getClassLoader(), "portal/")), null, null);
    }

    @Deactivate
    void stop() {
        http.unregister(alias);
    }
}
