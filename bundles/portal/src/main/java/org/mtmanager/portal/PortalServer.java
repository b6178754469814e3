package org.mtmanager.portal;

import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import javax.servlet.ServletException;

import org.osgi.framework.BundleContext;

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
    public PortalServer(PortalConfig config, BundleContext context, @Reference HttpService http) throws ServletException, NamespaceException {
        this.http = http;
        this.alias = config.alias();
        http.registerServlet(alias, new PortalServlet(new Assets(PortalServer.class.getClassLoader(), "portal/", files(context))), null, null);
    }

    /** The paths of the portal's files in this bundle, relative to its folder (what the release's version covers). */
    private static List<String> files(BundleContext context) {
        List<String> files = new ArrayList<>();
        Enumeration<URL> entries = context.getBundle().findEntries("portal", "*", true);
        while (entries != null && entries.hasMoreElements()) {
            String p = entries.nextElement().getPath();
            if (!p.endsWith("/")) {
                files.add(p.substring(p.indexOf("portal/") + "portal/".length()));
            }
        }
        return files;
    }

    @Deactivate
    void stop() {
        http.unregister(alias);
    }
}
