/**
 * The domains' metrics, in the Prometheus client's own types. A domain registers a
 * {@code io.prometheus.metrics.model.registry.MultiCollector} service (the whiteboard that the metrics bundle
 * serves at {@code /metrics}); its counters and histograms come from {@link org.mtmanager.platform.metrics.Meters},
 * so that every one is made the same way (classic buckets, no exemplars), and its gauges, read when scraped, from
 * {@link org.mtmanager.platform.metrics.Gauges}.
 */
@Version("1.0.0")
package org.mtmanager.platform.metrics;

import org.osgi.annotation.versioning.Version;
