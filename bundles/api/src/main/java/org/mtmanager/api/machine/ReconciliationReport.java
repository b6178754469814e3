package org.mtmanager.api.machine;

import java.time.Instant;
import java.util.List;

/** What one reconciliation run found, host by host. */
public record ReconciliationReport(Instant at, int hostsChecked, List<String> hostsSkipped, List<Drift> drifts) {
    public ReconciliationReport {
        hostsSkipped = List.copyOf(hostsSkipped);
        drifts = List.copyOf(drifts);
    }
}
