package org.mtmanager.rest;

import static org.junit.Assert.assertEquals;

import javax.ws.rs.GET;
import javax.ws.rs.Path;

import org.junit.Test;

/** A request's route is its resource's template: the class's path and the method's, parameters without their expressions. */
public class RequestMetricsTest {
    @Path("/machines/")
    static class Machines {
        @GET
        public void list() {
        }

        @GET
        @Path("{id: [0-9]+}/jobs/")
        public void jobs() {
        }

        @GET
        @Path("/{id}")
        public void get() {
        }
    }

    static class Unrooted {
        @GET
        public void nothing() {
        }
    }

    private static String route(Class<?> type, String method) throws NoSuchMethodException {
        return RequestMetrics.template(type, type.getMethod(method));
    }

    @Test
    public void theRouteIsTheTemplateWithoutExpressionsOrTrailingSlashes() throws Exception {
        assertEquals("/machines", route(Machines.class, "list"));
        assertEquals("/machines/{id}/jobs", route(Machines.class, "jobs"));
        assertEquals("/machines/{id}", route(Machines.class, "get"));
        assertEquals("/", route(Unrooted.class, "nothing"));
    }
}
