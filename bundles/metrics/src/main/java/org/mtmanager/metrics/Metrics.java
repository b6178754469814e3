package org.mtmanager.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import org.mtmanager.api.Caller;
import org.mtmanager.api.MtmException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every domain's metrics: the {@link MultiCollector} services registered now, each a domain's own, so that a
 * domain's metrics come and go with its bundle. A scrape asks each in turn. One that fails (its database read, say)
 * is left out of that scrape and logged, so that the others are still reported; a metric name that a second
 * collector repeats is reported once, from the first.
 */
@Component(service = Metrics.class)
public class Metrics {
    private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);
    /** Prometheus' text format 0.0.4, which every scraper reads. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final List<MultiCollector> collectors = new CopyOnWriteArrayList<>();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCollector(MultiCollector collector) {
        collectors.add(collector);
    }

    void removeCollector(MultiCollector collector) {
        collectors.remove(collector);
    }

    /** What the collectors report now. */
    public MetricSnapshots scrape() {
        List<MetricSnapshot> all = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (MultiCollector c : collectors) {
            MetricSnapshots some;
            try {
                some = c.collect();
            } catch (RuntimeException e) {
                LOG.warn("metrics: {} could not be read for this scrape: {}", c.getClass().getName(), e.toString());
                continue;
            }
            for (MetricSnapshot s : some) {
                if (names.add(s.getMetadata().getPrometheusName())) {
                    all.add(s);
                } else {
                    LOG.warn("metrics: {} repeats the metric {}; only the first is reported", c.getClass().getName(),
                        s.getMetadata().getPrometheusName());
                }
            }
        }
        return new MetricSnapshots(all);
    }

    /**
     * The scrape in the text format, for {@code caller}: the metrics are the whole platform's (machines by host, every
     * account's jobs), so only a platform administrator reads them; null is a scraper on the server's own host,
     * which the facade has checked.
     */
    public void write(Caller caller, OutputStream out) throws IOException {
        if (caller != null && !caller.isPlatformAdmin()) {
            throw MtmException.forbidden("only a platform administrator may read the metrics");
        }
        writer.write(out, scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
    }
}
