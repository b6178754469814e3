package org.mtmanager.api.machine;

import java.time.Instant;

import org.mtmanager.api.field.FieldSpec;

/**
 * A request to move a machine to another resource plan. PENDING until a platform administrator approves it
 * (then {@code jobId} applies it through the driver) or rejects it.
 */
public record PlanChange(long id, long machineId, long fromPlanId, long toPlanId, String state, String reason,
                         String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, String decision,
                         long jobId) {
    public static final FieldSpec REASON = FieldSpec.text("reason", 500).example("more extensions for the summer");
    /** The note of whoever decides, as the decision carries it. */
    public static final FieldSpec DECISION = FieldSpec.text("decision", 500);
}
