package org.mtmanager.billing;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import org.mtmanager.platform.metrics.Gauges;
import org.mtmanager.platform.metrics.Meters;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Billing's metrics: how far the usage ledger is behind (from the database, so every node reports the same). */
@Component(service = MultiCollector.class)
public class BillingMetrics implements MultiCollector {
    private final UsageLedger ledger;

    @Activate
    public BillingMetrics(@Reference UsageLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public MetricSnapshots collect() {
        return new MetricSnapshots(Gauges.of("mtm_usage_ledger_lag_seconds", "How long ago the oldest complete day"
            + " that the usage ledger has not recorded ended (0: up to date)").point(Meters.seconds(ledger.lag())).snapshot());
    }
}
