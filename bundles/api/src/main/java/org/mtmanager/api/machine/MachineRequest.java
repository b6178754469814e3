package org.mtmanager.api.machine;

import org.mtmanager.api.field.FieldSpec;

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
    public static final FieldSpec HOSTNAME = FieldSpec.text("hostname", 63).mandatory()
        .matching("^[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?$",
            "must be a DNS label: 1 to 63 letters, digits or dashes, not starting or ending with a dash")
        .example("dental-madrid");
    public static final FieldSpec DISPLAY_NAME = FieldSpec.text("displayName", 100).example("Dental Madrid PBX");
    public static final FieldSpec CUSTOMER = FieldSpec.value("customer").mandatory();
    /** Plans are data (GET /plans lists those that apply to the caller), so the rule is only that one is named. */
    public static final FieldSpec PLAN = FieldSpec.text("plan", 40).mandatory().example("SS");
    public static final FieldSpec EXTENSIONS = FieldSpec.atLeast("extensions", 1);
    public static final FieldSpec TENANTS = FieldSpec.atLeast("tenants", 1);
    public static final FieldSpec LINES = FieldSpec.atLeast("lines", 1);
}
