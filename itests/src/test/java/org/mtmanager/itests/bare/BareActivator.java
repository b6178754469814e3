package org.mtmanager.itests.bare;

import java.util.List;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Publishes {@link BareResource} at {@value #ADDRESS} under the CXF servlet context ({@code /mtm}), on the same
 * default bus and in the same way as the REST facade's {@code RestServer}, but with no filter and no provider. Only
 * the throughput benchmark deploys this bundle, into its own copy of the distribution.
 */
public class BareActivator implements BundleActivator {
    public static final String ADDRESS = "/bench";
    private Server server;

    @Override
    public void start(BundleContext context) {
        Bus bus = BusFactory.getDefaultBus();
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress(ADDRESS);
        factory.setServiceBeans(List.of(new BareResource()));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(BareActivator.class.getClassLoader());
        try {
            server = factory.create();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Override
    public void stop(BundleContext context) {
        server.destroy();
    }
}
