package org.mtmanager.api.machine;

/**
 * Step 1 of creating a machine: what the customer-data form sends.
 *
 * @param accountId  the owner account; null means the caller's own
 * @param hostname   a DNS label, unique on the platform
 * @param plan       the resource plan, by name or id
 * @param extensions licensed extensions, within the plan's maximum (default 1)
 * @param tenants    licensed tenants, within the plan's maximum (default 1)
 */
public record MachineRequest(Long accountId, String hostname, String displayName, CustomerData customer, String plan,
                             Integer extensions, Integer tenants) {
}
