package org.mtmanager.api.plan;

/**
 * The values of a plan to create or replace. Every field is required when creating; on update, null fields
 * keep their current value.
 */
public record PlanDraft(String name, Integer tier, Integer vcpu, Integer memoryMb, Integer diskGb,
                        Integer maxExtensions, Integer maxTenants, Integer maxConcurrentCalls) {
}
