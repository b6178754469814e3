package org.mtmanager.api.plan;

import org.mtmanager.api.field.FieldSpec;

/**
 * The values of a plan to create or replace. Every field is required when creating; on update, null fields
 * keep their current value.
 */
public record PlanDraft(String name, Integer tier, Integer vcpu, Integer memoryMb, Integer diskGb,
                        Integer maxExtensions, Integer maxTenants, Integer maxConcurrentCalls) {
    public static final FieldSpec NAME = FieldSpec.text("name", 40).mandatory()
        .matching("^[A-Za-z0-9][A-Za-z0-9 ._\\-]{0,39}$",
            "must be 1 to 40 letters, digits, spaces or . _ -, starting with a letter or digit")
        .example("SS");
    public static final FieldSpec TIER = FieldSpec.integer("tier", 1, 1000).mandatory();
    public static final FieldSpec VCPU = FieldSpec.integer("vcpu", 1, 256).mandatory();
    public static final FieldSpec MEMORY_MB = FieldSpec.integer("memoryMb", 128, 4L * 1024 * 1024).mandatory();
    public static final FieldSpec DISK_GB = FieldSpec.integer("diskGb", 1, 65_536).mandatory();
    public static final FieldSpec MAX_EXTENSIONS = FieldSpec.integer("maxExtensions", 1, 100_000).mandatory();
    public static final FieldSpec MAX_TENANTS = FieldSpec.integer("maxTenants", 1, 10_000).mandatory();
    public static final FieldSpec MAX_CONCURRENT_CALLS = FieldSpec.integer("maxConcurrentCalls", 1, 100_000).mandatory();
}
