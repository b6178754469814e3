package org.mtmanager.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the REST API on CXF: every {@link RestResource} registered (each domain's resources come and go with
 * its services), behind one authentication filter, JSON mapping and set of error mappers, with an OpenAPI
 * document of what is published. The API is first published once the resources that the installed bundles declare
 * are all there (as the domains' services start), so that it appears whole, whichever domains are installed.
 * CXF cannot add a resource to a running server, so each later change builds the server again at once, on the
 * thread that registered or withdrew the resource; while the new server replaces the old (milliseconds) the
 * fallback answers 404.
 */
@Component(immediate = true, configurationPid = "org.mtmanager.rest")
@Designate(ocd = RestConfig.class)
public class RestServer {
    public static final String VERSION = "1.0.0";
    /** How long the first publication waits for the resources that the installed bundles declare. */
    static final Duration START_PATIENCE = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    /** The capability namespace in which a bundle's manifest declares the services its components register. */
    private static final String SERVICE_NAMESPACE = "osgi.service";

    private final Map<RestResource, Integer> resources = new ConcurrentHashMap<>();
    private final RestConfig config;
    private final AuthService auth;
    private final SessionService sessions;
    private final RequestLimiter limiter;
    private final RequestMetrics metrics;
    private final Server notFound;
    private Server server;
    /** The resources the server was built with: the same instances need no new server. */
    private List<Object> published = List.of();
    private boolean stopped;
    /** The resources registered, by the bundle that registered them: the API is first published whole. */
    private final Map<Long, Set<RestResource>> byBundle = new ConcurrentHashMap<>();
    private final BundleContext context;
    private final ServiceComponentRuntime components;
    private final ScheduledExecutorService patience;
    private volatile boolean ready;
    private final ScheduledFuture<?> lookAgain;

    @Activate
    public RestServer(RestConfig config, BundleContext context, @Reference AuthService auth, @Reference SessionService sessions,
                      @Reference RequestLimiter limiter, @Reference ServiceComponentRuntime components,
                      @Reference DestinationRegistry transportReady, @Reference RequestMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.auth = auth;
        this.sessions = sessions;
        this.limiter = limiter;
        this.context = context;
        this.components = components;
        // The longest address wins in CXF, so this one only answers what no endpoint of the context serves.
        JAXRSServerFactoryBean fallback = factory("/");
        fallback.setServiceBeans(List.of(new NotFoundResource()));
        fallback.setProviders(List.of(new JacksonJsonProvider(Json.mapper()), new ErrorMappers()));
        notFound = create(fallback);
        this.patience = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mtm-rest-start");
            t.setDaemon(true);
            return t;
        });
        // A resource whose service never comes must not keep the rest of the API away for ever.
        patience.schedule(this::publishWhatIsThere, START_PATIENCE.toSeconds(), TimeUnit.SECONDS);
        // A bundle that declares resources may start after the last resource came: look again until all are there.
        lookAgain = patience.scheduleWithFixedDelay(() -> changed(null), 200, 200, TimeUnit.MILLISECONDS);
        changed(null);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    void addResource(RestResource resource, ServiceReference<RestResource> ref) {
        resources.put(resource, ref.getProperty(RestResource.ORDER) instanceof Integer order ? order : Integer.MAX_VALUE);
        byBundle.computeIfAbsent(ref.getBundle().getBundleId(), b -> ConcurrentHashMap.newKeySet()).add(resource);
        changed(resource);
    }

    void removeResource(RestResource resource) {
        resources.remove(resource);
        byBundle.values().forEach(set -> set.remove(resource));
        changed(resource);
    }

    /**
     * True once every installed bundle that declares REST resources (bnd writes an {@code osgi.service} capability
     * for them into its manifest) is active with all of its resource components registered. All boot features are
     * installed before their bundles start, so the API does not appear without a domain that is on its way.
     */
    private boolean allDeclaredResourcesThere() {
        for (Bundle b : context.getBundles()) {
            if (!declaresResources(b) || b.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            if (b.getState() != Bundle.ACTIVE) {
                return false;
            }
            long declared = components.getComponentDescriptionDTOs(b).stream()
                .filter(d -> Arrays.asList(d.serviceInterfaces).contains(RestResource.class.getName())).count();
            if (byBundle.getOrDefault(b.getBundleId(), Set.of()).size() < declared) {
                return false;
            }
        }
        return true;
    }

    private static boolean declaresResources(Bundle b) {
        BundleRevision revision = b.adapt(BundleRevision.class);
        return revision != null && revision.getDeclaredCapabilities(SERVICE_NAMESPACE).stream()
            .anyMatch(c -> c.getAttributes().get(Constants.OBJECTCLASS) instanceof List<?> names
                && names.contains(RestResource.class.getName()));
    }

    private synchronized void publishWhatIsThere() {
        if (!ready) {
            LOG.warn("the REST API is published after {} with the {} resource(s) there; some bundle's other resources are missing",
                START_PATIENCE, resources.size());
            ready = true;
            changed(null);
        }
    }

    /**
     * DS binds the resources after the constructor, and whenever they change. The API is first published once
     * every declared resource is there (they arrive one by one as the domains start; until then the API answers
     * 404, as before the server exists); from then on each change is published at once.
     */
    private void changed(RestResource resource) {
        if (ready && resource == null) {
            return;
        }
        if (!ready && !allDeclaredResourcesThere()) {
            return;
        }
        ready = true;
        if (lookAgain != null) {
            lookAgain.cancel(false);
        }
        try {
            publish();
        } catch (RuntimeException e) {
            LOG.error("the REST API could not be published again after {} came or went",
                resource == null ? "its start" : resource.getClass().getName(), e);
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
        factory.setProviders(List.of(new JacksonJsonProvider(Json.mapper()), metrics, new AuthFilter(auth, sessions, limiter),
            new ErrorMappers()));
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
        patience.shutdownNow();
        if (server != null) {
            server.destroy();
        }
        notFound.destroy();
    }
}
