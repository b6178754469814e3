package org.mtmanager.platform.metrics;

import java.time.Duration;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.StatefulMetric;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * Counters and histograms made one way. They are never registered in the client's static default registry: a
 * domain hands them out through its own collector service, so they come and go with its bundle. Exemplars are off:
 * they would look for a tracer that the platform does not ship. Histograms are classic (fixed buckets), the only
 * kind that the text format carries.
 */
public final class Meters {
    /** Buckets for request latencies, in seconds: 5 ms to 10 s. */
    public static final double[] REQUEST_SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    /** Buckets for what drives infrastructure (a job, a firewall sync), in seconds: 10 ms to 10 min. */
    public static final double[] WORK_SECONDS = {0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600};

    private Meters() {
    }

    /** A counter; {@code name} without the {@code _total} that the text format adds. */
    public static Counter counter(String name, String help, String... labels) {
        return Counter.builder().name(name).help(help).labelNames(labels).withoutExemplars().build();
    }

    /** A histogram of seconds over {@code bounds}. */
    public static Histogram seconds(String name, String help, double[] bounds, String... labels) {
        return Histogram.builder().name(name).help(help).unit(Unit.SECONDS).labelNames(labels).classicOnly()
            .classicUpperBounds(bounds).withoutExemplars().build();
    }

    /**
     * The metric (of one label) with a series for each of {@code values} from the start, at 0: a scraper sees them
     * before the first event, and a rate over them starts from 0 instead of from nothing.
     */
    public static <M extends StatefulMetric<?, ?>> M seeded(M metric, String... values) {
        for (String v : values) {
            metric.labelValues(v);
        }
        return metric;
    }

    /** A duration in the seconds that histograms take. */
    public static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** The seconds since {@code startNanos}, a {@link System#nanoTime()}. */
    public static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
