package org.mtmanager.metrics;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.mtmanager.rest.support.OpenApiContract;

/** The metrics resource against the document's contract: a GET that answers Prometheus' text format. */
public class MetricsOpenApiTest extends OpenApiContract {
    @Override
    protected List<Class<?>> resources() {
        return List.of(MetricsResource.class);
    }

    @Test
    public void theDocumentHasTheMetricsInTheirTextFormat() {
        assertEquals(Set.of("/metrics"), map(doc().get("paths")).keySet());
        Map<String, Object> ok = map(map(map(map(map(doc().get("paths")).get("/metrics")).get("get")).get("responses")).get("200"));
        assertEquals(Set.of(Metrics.CONTENT_TYPE), map(ok.get("content")).keySet());
    }
}
