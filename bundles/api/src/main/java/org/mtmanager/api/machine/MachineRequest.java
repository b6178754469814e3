package org.mtmanager.api.machine;

/**
 * Step 1 of creating a machine: what the customer-data form sends.
 *
 * @param accountId  the owner account; null means the caller's own
 * @param hostname   a DNS label, unique on the platform
 * @param plan       the resource plan, by name or id
 * @param extensions licensed extensions, within the plan's maximum (default 1)
 * @param tenants    licensed tenants, within the plan's maximum (default 1)
 * @param lines      licensed lines (simultaneous calls), within the plan's maximum (default: that maximum)
 *                   <p>A distributor's machine is prepared to the extension and line counts it asks for, so for a
 *                   distributor-owned machine both are required.
 */
public record MachineRequest(Long accountId, String hostname, String displayName, CustomerData customer, String plan,
                             Integer extensions, Integer tenants, Integer lines) {
}
