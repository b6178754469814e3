package org.mtmanager.tenant.security;

import static org.junit.Assert.assertEquals;
import static org.mtmanager.tenant.TenantFixture.expect;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Channel;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.tenant.TenantFixture;

/** Every failed authentication is counted under its channel, every rate-limited request under its limit. */
public class SecurityMetricsTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    private double count(String metric, String label, String value) {
        for (MetricSnapshot s : new SecurityMetrics(f.policy).collect()) {
            if (s.getMetadata().getName().equals(metric)) {
                return ((CounterSnapshot) s).getDataPoints().stream().filter(p -> value.equals(p.getLabels().get(label)))
                    .mapToDouble(CounterSnapshot.CounterDataPointSnapshot::getValue).findFirst().orElse(Double.NaN);
            }
        }
        return Double.NaN;
    }

    @Test
    public void failuresAreCountedByChannelAndRefusalsByLimit() {
        assertEquals("there from the start", 0, count("mtm_auth_failures", "channel", "soap"), 0);
        assertEquals(0, count("mtm_rate_limited", "limit", "auth_failures"), 0);
        f.policy.limits(SecurityPolicy.Limits.of(1, 1, 1, 2));

        expect(ErrorCode.UNAUTHENTICATED, null, () -> f.auth.authenticate("nobody", "x", "203.0.113.1", Channel.REST));
        expect(ErrorCode.UNAUTHENTICATED, null, () -> f.auth.authenticateToken("mtm_77_abc", "203.0.113.1", Channel.SOAP));
        expect(ErrorCode.TOO_MANY_REQUESTS, null, () -> f.auth.authenticate("nobody", "x", "203.0.113.1", Channel.REST));
        assertEquals(1, count("mtm_auth_failures", "channel", "rest"), 0);
        assertEquals(1, count("mtm_auth_failures", "channel", "soap"), 0);
        assertEquals(0, count("mtm_auth_failures", "channel", "shell"), 0);
        assertEquals(1, count("mtm_rate_limited", "limit", "auth_failures"), 0);

        f.policy.checkAddress("203.0.113.9");
        expect(ErrorCode.TOO_MANY_REQUESTS, null, () -> f.policy.checkAddress("203.0.113.9"));
        assertEquals(1, count("mtm_rate_limited", "limit", "address"), 0);
        assertEquals(0, count("mtm_rate_limited", "limit", "caller"), 0);
    }
}
