package org.mtmanager.api.plan;

/**
 * A machine size.
 *
 * @param ownerAccountId the platform or the operator that defines it
 * @param tier           the plan's rank among its owner's plans, smallest first
 */
public record ResourcePlan(long id, long ownerAccountId, String name, int tier, int vcpu, int memoryMb, int diskGb,
                           int maxExtensions, int maxTenants, int maxConcurrentCalls) {
}
