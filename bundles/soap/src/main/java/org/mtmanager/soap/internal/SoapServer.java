package org.mtmanager.soap.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.staxutils.StaxUtils;
import org.apache.cxf.transport.http.DestinationRegistry;
import org.mtmanager.api.user.AuthService;
import org.mtmanager.api.user.RequestLimiter;
import org.mtmanager.soap.support.SoapPort;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes under {@code /mtm} every {@link SoapPort} registered (each domain's ports come and go with its
 * services), each on its own endpoint, so that one port arriving or leaving leaves the others as they are.
 */
@Component(immediate = true)
public class SoapServer {
    private static final Logger LOG = LoggerFactory.getLogger(SoapServer.class);

    /**
     * What one SOAP request may hold. The largest real request (a whitelist or a machine with its customer data)
     * is a few kilobytes; without limits a client could send megabytes of comment or whitespace, or one value of
     * millions of characters that every error message would then repeat.
     */
    static final Map<String, Object> LIMITS = Map.of(
        StaxUtils.MAX_XML_CHARACTERS, 1_000_000L,
        StaxUtils.MAX_TEXT_LENGTH, 64 * 1024,
        StaxUtils.MAX_ELEMENT_COUNT, 20_000L,
        StaxUtils.MAX_ELEMENT_DEPTH, 32,
        StaxUtils.MAX_CHILD_ELEMENTS, 5_000,
        StaxUtils.MAX_ATTRIBUTE_COUNT, 32,
        StaxUtils.MAX_ATTRIBUTE_SIZE, 4 * 1024);

    private final Map<SoapPort, Server> published = new ConcurrentHashMap<>();
    private final AuthService auth;
    private final RequestLimiter limiter;
    private final SoapMetrics metrics;
    private boolean stopped;

    @Activate
    public SoapServer(@Reference AuthService auth, @Reference RequestLimiter limiter, @Reference DestinationRegistry transportReady,
                      @Reference SoapMetrics metrics) {
        this.auth = auth;
        this.limiter = limiter;
        this.metrics = metrics;
    }

    /** DS binds the ports after the constructor, and whenever one arrives. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addPort(SoapPort port) {
        if (stopped) {
            return;
        }
        try {
            published.put(port, publish(port.address(), port.getClass(), port,
                new UsernameTokenInterceptor(auth, limiter, port.faultNamespace(), port.faultName()), metrics));
            LOG.info("SOAP port published at /mtm{}", port.address());
        } catch (RuntimeException e) {
            LOG.error("SOAP port {} could not be published at /mtm{}", port.getClass().getName(), port.address(), e);
        }
    }

    synchronized void removePort(SoapPort port) {
        Server server = published.remove(port);
        if (server != null) {
            server.destroy();
            LOG.info("SOAP port at /mtm{} withdrawn", port.address());
        }
    }

    /** One endpoint, with the UsernameToken check in front, client faults marked as such, and every answer counted. */
    private static Server publish(String address, Class<?> type, Object bean, UsernameTokenInterceptor tokens,
                                  SoapMetrics metrics) {
        Bus bus = BusFactory.getDefaultBus();
        JaxWsServerFactoryBean f = new JaxWsServerFactoryBean();
        f.setBus(bus);
        f.setAddress(address);
        f.setServiceClass(type);
        f.setServiceBean(bean);
        f.getInInterceptors().add(new SoapMediaTypeInterceptor());
        f.getInInterceptors().add(tokens);
        f.getOutFaultInterceptors().add(new ClientFaultInterceptor());
        f.getInInterceptors().add(metrics.arrived());
        f.getOutInterceptors().add(metrics.answered(address));
        f.getOutFaultInterceptors().add(metrics.answered(address));
        Map<String, Object> properties = new HashMap<>(LIMITS);
        properties.put(FaultLog.PROPERTY, new FaultLog());
        f.setProperties(properties);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(SoapServer.class.getClassLoader());
        try {
            return f.create();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Deactivate
    synchronized void stop() {
        stopped = true;
        published.values().forEach(Server::destroy);
        published.clear();
    }
}
