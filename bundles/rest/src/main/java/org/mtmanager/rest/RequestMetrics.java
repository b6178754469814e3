package org.mtmanager.rest;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.annotation.Priority;
import javax.ws.rs.Path;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import org.mtmanager.platform.metrics.Meters;
import org.osgi.service.component.annotations.Component;

/**
 * The REST API's requests, counted by method, route template (as the resource declares it, {@code /machines/{id}},
 * so that a machine's id is not a label of its own) and status, and timed from the first filter until the response
 * is ready to be written. It is the first request filter and the last response filter, so a request that
 * authentication refuses (401, 429) is counted too, under the route it asked for. A request that matches no route is
 * counted under {@value #UNMATCHED}, untimed.
 */
@Component(service = {RequestMetrics.class, MultiCollector.class})
@Priority(Priorities.AUTHENTICATION - 500)
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter, MultiCollector {
    static final String UNMATCHED = "unmatched";
    private static final String STARTED = "mtm.metrics.started";
    /** A template's parameter with its regular expression, {@code {id: [0-9]+}}: the expression is left out. */
    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}");

    private final Counter requests = Meters.counter("mtm_api_requests",
        "REST API requests answered, by method, route template and status", "method", "route", "status");
    private final Histogram latency = Meters.seconds("mtm_api_request_duration_seconds",
        "How long the REST API took to answer, by method and route template", Meters.REQUEST_SECONDS, "method", "route");
    private final Map<Method, String> routes = new ConcurrentHashMap<>();

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Method m = resource == null ? null : resource.getResourceMethod();
        String route = m == null ? UNMATCHED : routes.computeIfAbsent(m, k -> template(resource.getResourceClass(), k));
        requests.labelValues(request.getMethod(), route, String.valueOf(response.getStatus())).inc();
        if (request.getProperty(STARTED) instanceof Long started) {
            latency.labelValues(request.getMethod(), route).observe(Meters.secondsSince(started));
        }
    }

    /** The route of a resource method: its class's path and its own, each parameter without its expression. */
    static String template(Class<?> type, Method m) {
        Path classPath = type == null ? null : type.getAnnotation(Path.class);
        Path methodPath = m.getAnnotation(Path.class);
        String t = "/" + strip(classPath == null ? "" : classPath.value()) + "/" + strip(methodPath == null ? "" : methodPath.value());
        t = t.replaceAll("/+", "/");
        if (t.length() > 1 && t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return PARAMETER.matcher(t).replaceAll("{$1}");
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    @Override
    public MetricSnapshots collect() {
        return new MetricSnapshots(requests.collect(), latency.collect());
    }
}
