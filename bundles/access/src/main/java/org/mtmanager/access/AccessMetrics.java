package org.mtmanager.access;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import org.mtmanager.platform.metrics.Gauges;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Network access's metrics: this node's firewall syncs, and the grants that wait for one (from the database, so every
 * node reports the platform's).
 */
@Component(service = MultiCollector.class)
public class AccessMetrics implements MultiCollector {
    private final Firewall firewall;

    @Activate
    public AccessMetrics(@Reference Firewall firewall) {
        this.firewall = firewall;
    }

    @Override
    public MetricSnapshots collect() {
        return new MetricSnapshots(firewall.syncDurations(), Gauges.of("mtm_grants_pending",
            "Grants made and not yet installed in the firewall").point(firewall.pendingGrants()).snapshot());
    }
}
