package org.mtmanager.api.audit;

/**
 * What a service hands to {@link AuditService#record}: the parts of an entry that the service knows. Time,
 * actor, address, channel and the chain fields are filled in by the audit log itself.
 */
public record AuditEvent(String action, String targetType, String targetId, long accountId, Outcome outcome,
                         String detail) {

    public static AuditEvent success(String action, String targetType, Object targetId, long accountId,
                                     String detail) {
        return new AuditEvent(action, targetType, String.valueOf(targetId), accountId, Outcome.SUCCESS, detail);
    }
}
