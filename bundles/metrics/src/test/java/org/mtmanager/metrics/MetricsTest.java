package org.mtmanager.metrics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import org.junit.Test;
import org.mtmanager.platform.metrics.Gauges;

/** The whiteboard: what the collectors registered now report, each asked in turn, a failing one left out. */
public class MetricsTest {
    private static MultiCollector gauge(String name, double value) {
        return () -> new MetricSnapshots(Gauges.of(name, "a test gauge").point(value).snapshot());
    }

    private static List<String> names(Metrics metrics) {
        return metrics.scrape().stream().map(MetricSnapshot::getMetadata).map(m -> m.getPrometheusName()).toList();
    }

    private static String text(Metrics metrics) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(null, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void collectorsComeAndGoAndAFailingOneIsLeftOutOfTheScrape() throws Exception {
        Metrics metrics = new Metrics();
        MultiCollector a = gauge("mtm_test_a", 1);
        MultiCollector failing = () -> {
            throw new IllegalStateException("the database is away");
        };
        metrics.addCollector(a);
        metrics.addCollector(failing);
        metrics.addCollector(gauge("mtm_test_b", 2));
        assertEquals(List.of("mtm_test_a", "mtm_test_b"), names(metrics));
        String text = text(metrics);
        assertTrue(text, text.contains("# TYPE mtm_test_a gauge\nmtm_test_a 1.0\n"));
        assertTrue(text, text.contains("# HELP mtm_test_b a test gauge\n"));

        metrics.removeCollector(a);
        assertEquals(List.of("mtm_test_b"), names(metrics));
        assertFalse(text(metrics).contains("mtm_test_a"));
    }

    @Test
    public void aNameThatASecondCollectorRepeatsIsReportedOnceFromTheFirst() throws Exception {
        Metrics metrics = new Metrics();
        metrics.addCollector(gauge("mtm_test_same", 1));
        metrics.addCollector(gauge("mtm_test_same", 2));
        assertEquals(List.of("mtm_test_same"), names(metrics));
        assertTrue(text(metrics).contains("mtm_test_same 1.0\n"));
    }
}
