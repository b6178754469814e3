package org.mtmanager.platform.metrics;

import java.util.ArrayList;
import java.util.List;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * A gauge read when it is scraped (a count in the database, a lag), built point by point. Label values that
 * are null are written as empty: a machine without a host yet, say.
 */
public final class Gauges {
    private final String name;
    private final String help;
    private final String[] labels;
    private final List<GaugeDataPointSnapshot> points = new ArrayList<>();

    private Gauges(String name, String help, String[] labels) {
        this.name = name;
        this.help = help;
        this.labels = labels.clone();
    }

    public static Gauges of(String name, String help, String... labels) {
        return new Gauges(name, help, labels);
    }

    /** One point: {@code values} in the order of the labels. */
    public Gauges point(double value, Object... values) {
        if (values.length != labels.length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " label value(s) expected, got " + values.length);
        }
        String[] texts = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            texts[i] = values[i] == null ? "" : values[i].toString();
        }
        points.add(GaugeDataPointSnapshot.builder().labels(Labels.of(labels, texts)).value(value).build());
        return this;
    }

    public GaugeSnapshot snapshot() {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
        points.forEach(b::dataPoint);
        return b.build();
    }
}
