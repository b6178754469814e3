package org.mtmanager.api.audit;

import java.time.Instant;

/** Optional filters over the audit entries a caller may read. */
public record AuditQuery(String actor, String action, Long accountId, String outcome, Instant from, Instant to) {
    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null);
}
