package org.mtmanager.api.machine;

import java.time.Instant;

/** A validated step-1 form, waiting for step 2 ({@link MachineService#create}). */
public record MachineDraft(long id, long accountId, String hostname, String displayName, CustomerData customer,
                           long planId, String planName, int extensions, int tenants, int lines, Instant createdAt) {
}
