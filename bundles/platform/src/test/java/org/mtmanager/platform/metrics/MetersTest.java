package org.mtmanager.platform.metrics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Duration;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;

import org.junit.Test;

/** Metrics made one way: seeded series at 0, classic buckets, gauges point by point. */
public class MetersTest {
    @Test
    public void aSeededCounterHasEachSeriesAtZeroBeforeItsFirstEvent() {
        Counter c = Meters.seeded(Meters.counter("mtm_test_events", "events", "kind"), "a", "b");
        c.labelValues("b").inc();
        assertEquals(2, c.collect().getDataPoints().size());
        for (CounterDataPointSnapshot p : c.collect().getDataPoints()) {
            assertEquals(p.getLabels().get("kind").equals("b") ? 1.0 : 0.0, p.getValue(), 0);
        }
    }

    @Test
    public void aHistogramOfSecondsHasItsClassicBucketsOnly() {
        Histogram h = Meters.seconds("mtm_test_duration_seconds", "durations", new double[] {0.1, 1}, "what");
        h.labelValues("x").observe(Meters.seconds(Duration.ofMillis(500)));
        HistogramDataPointSnapshot p = h.collect().getDataPoints().get(0);
        assertEquals(1, p.getCount());
        assertEquals(0.5, p.getSum(), 1e-9);
        assertEquals("0.1, 1 and +Inf", 3, p.getClassicBuckets().size());
        assertEquals(false, p.hasNativeHistogramData());
    }

    @Test
    public void aGaugeWritesAMissingLabelAsEmptyAndRefusesTheWrongNumberOfValues() {
        GaugeSnapshot g = Gauges.of("mtm_test_things", "things", "state", "host").point(3, "RUNNING", null).snapshot();
        assertEquals("", g.getDataPoints().get(0).getLabels().get("host"));
        assertEquals(3, g.getDataPoints().get(0).getValue(), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Gauges.of("mtm_test_things", "things", "state").point(1));
        assertEquals("mtm_test_things: 1 label value(s) expected, got 0", e.getMessage());
    }
}
