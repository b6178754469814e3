package org.mtmanager.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.http.DestinationRegistry;
import org.mtmanager.api.user.AuthService;
import org.mtmanager.api.user.RequestLimiter;
import org.mtmanager.api.user.SessionService;
import org.mtmanager.rest.resource.NotFoundResource;
import org.mtmanager.rest.resource.OpenApiResource;
import org.mtmanager.rest.support.AuthFilter;
import org.mtmanager.rest.support.ErrorMappers;
import org.mtmanager.rest.support.Json;
import org.mtmanager.rest.support.OpenApi;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the REST API on CXF: every {@link RestResource} registered (each domain's resources come and go with
 * its services), behind one authentication filter, JSON mapping and set of error mappers, with an OpenAPI
 * document of what is published. CXF cannot add a resource to a running server, so each change of the set builds
 * the server again at once, on the thread that registered or withdrew the resource: at start the resources are
 * bound while the bundles start, so the API is whole when the framework is; a feature installed later republishes
 * it, and while the new server replaces the old (milliseconds) the fallback answers 404.
 */
@Component(immediate = true, configurationPid = "org.mtmanager.rest")
@Designate(ocd = RestConfig.class)
public class RestServer {
    public static final String VERSION = "1.0.0";
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    private final Map<RestResource, Integer> resources = new ConcurrentHashMap<>();
    private final RestConfig config;
    private final AuthService auth;
    private final SessionService sessions;
    private final RequestLimiter limiter;
    private final Server notFound;
    private Server server;
    /** The resources the server was built with: the same instances need no new server. */
    private List<Object> published = List.of();
    private boolean stopped;

    @Activate
    public RestServer(RestConfig config, @Reference AuthService auth, @Reference SessionService sessions,
                      @Reference RequestLimiter limiter, @Reference DestinationRegistry transportReady) {
        this.config = config;
        this.auth = auth;
        this.sessions = sessions;
        this.limiter = limiter;
        // The longest address wins in CXF, so this one only answers what no endpoint of the context serves.
        JAXRSServerFactoryBean fallback = factory("/");
        fallback.setServiceBeans(List.of(new NotFoundResource()));
        fallback.setProviders(List.of(new JacksonJsonProvider(Json.mapper()), new ErrorMappers()));
        notFound = create(fallback);
        publish();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    void addResource(RestResource resource, Map<String, Object> properties) {
        resources.put(resource, properties.get(RestResource.ORDER) instanceof Integer order ? order : Integer.MAX_VALUE);
        changed(resource);
    }

    void removeResource(RestResource resource) {
        resources.remove(resource);
        changed(resource);
    }

    /** DS binds the resources after the constructor has published the server, and whenever they change. */
    private void changed(RestResource resource) {
        try {
            publish();
        } catch (RuntimeException e) {
            LOG.error("the REST API could not be published again after {} came or went", resource.getClass().getName(), e);
        }
    }

    /** The server for the resources registered now, in place of the one before; the same ones keep their server. */
    private synchronized void publish() {
        if (stopped) {
            return;
        }
        List<Map.Entry<RestResource, Integer>> ordered = new ArrayList<>(resources.entrySet());
        ordered.sort(Map.Entry.<RestResource, Integer>comparingByValue()
            .thenComparing(e -> e.getKey().getClass().getName(), Comparator.naturalOrder()));
        List<Object> beans = new ArrayList<>();
        List<Class<?>> classes = new ArrayList<>();
        for (Map.Entry<RestResource, Integer> e : ordered) {
            beans.add(e.getKey());
            classes.add(e.getKey().getClass());
        }
        if (server != null && beans.equals(published)) {
            return;
        }
        List<Object> current = List.copyOf(beans);
        beans.add(new OpenApiResource(() -> OpenApi.document("MT Manager API", VERSION, "/mtm" + config.address(), classes)));
        JAXRSServerFactoryBean factory = factory(config.address());
        factory.setServiceBeans(beans);
        factory.setProviders(List.of(new JacksonJsonProvider(Json.mapper()), new AuthFilter(auth, sessions, limiter), new ErrorMappers()));
        long t0 = System.nanoTime();
        if (server != null) {
            server.destroy();
        }
        server = create(factory);
        published = current;
        LOG.info("REST API published at /mtm{} with {} resource(s) in {} ms", config.address(), classes.size(),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    private static JAXRSServerFactoryBean factory(String address) {
        Bus bus = BusFactory.getDefaultBus();
        // Otherwise CXF's own JSON provider, not Jackson, would write every response.
        bus.setProperty("skip.default.json.provider.registration", true);
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress(address);
        return factory;
    }

    private static Server create(JAXRSServerFactoryBean factory) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(RestServer.class.getClassLoader());
        try {
            return factory.create();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Deactivate
    synchronized void stop() {
        stopped = true;
        if (server != null) {
            server.destroy();
        }
        notFound.destroy();
    }
}
