package org.mtmanager.tenant.security;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The security policy's counts, for the metrics: failed authentications and rate-limited requests. */
@Component(service = MultiCollector.class)
public class SecurityMetrics implements MultiCollector {
    private final SecurityPolicy policy;

    @Activate
    public SecurityMetrics(@Reference SecurityPolicy policy) {
        this.policy = policy;
    }

    @Override
    public MetricSnapshots collect() {
        return policy.metrics();
    }
}
