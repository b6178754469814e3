package org.mtmanager.core.catalog;

import java.util.List;
import java.util.regex.Pattern;

import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.plan.PlanDraft;
import org.mtmanager.api.plan.ResourcePlan;
import org.mtmanager.core.util.Fields;

/**
 * What makes a plan valid: every value positive and within bounds, no more tenants than extensions, and an
 * ordering by tier in which a higher tier never offers less of anything than a lower one.
 */
public final class PlanRules {
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}$");

    private PlanRules() {
    }

    /** Merges a change onto a plan (or a draft onto nothing) and validates the result's own values. */
    public static ResourcePlan merge(ResourcePlan base, PlanDraft d, long id, long owner) {
        String name = d.name() != null || base == null ? Fields.required("name", d.name()) : base.name();
        if (!NAME.matcher(name).matches()) {
            throw MtmException.invalid("name", "must be 1 to 40 letters, digits, spaces or . _ -, starting with a letter or digit");
        }
        ResourcePlan p = new ResourcePlan(id, owner, name,
            value("tier", d.tier(), base == null ? null : base.tier(), 1, 1000),
            value("vcpu", d.vcpu(), base == null ? null : base.vcpu(), 1, 256),
            value("memoryMb", d.memoryMb(), base == null ? null : base.memoryMb(), 128, 4 * 1024 * 1024),
            value("diskGb", d.diskGb(), base == null ? null : base.diskGb(), 1, 65_536),
            value("maxExtensions", d.maxExtensions(), base == null ? null : base.maxExtensions(), 1, 100_000),
            value("maxTenants", d.maxTenants(), base == null ? null : base.maxTenants(), 1, 10_000),
            value("maxConcurrentCalls", d.maxConcurrentCalls(), base == null ? null : base.maxConcurrentCalls(), 1, 100_000));
        if (p.maxTenants() > p.maxExtensions()) {
            throw new MtmException(ErrorCode.RULE_VIOLATION, "maxTenants",
                "maxTenants: cannot exceed maxExtensions (" + p.maxExtensions() + "): every tenant needs an extension");
        }
        return p;
    }

    private static int value(String field, Integer given, Integer current, int min, int max) {
        Integer v = given != null ? given : current;
        if (v == null) {
            throw MtmException.invalid(field, "is required");
        }
        if (v < min || v > max) {
            throw MtmException.invalid(field, "must be between " + min + " and " + max);
        }
        return v;
    }

    /** Checks the plan against its owner's other plans. */
    public static void checkOrdering(ResourcePlan p, List<ResourcePlan> siblings) {
        for (ResourcePlan o : siblings) {
            if (o.id() == p.id()) {
                continue;
            }
            if (o.name().equalsIgnoreCase(p.name())) {
                throw MtmException.conflict("name", "name: a plan named '" + p.name() + "' already exists");
            }
            if (o.tier() == p.tier()) {
                throw MtmException.conflict("tier", "tier: plan '" + o.name() + "' already has tier " + p.tier());
            }
            ResourcePlan low = o.tier() < p.tier() ? o : p;
            ResourcePlan high = low == o ? p : o;
            String field = smaller(high, low);
            if (field != null) {
                throw new MtmException(ErrorCode.RULE_VIOLATION, field, field + ": plan '" + high.name() + "' (tier "
                    + high.tier() + ") would offer less than plan '" + low.name() + "' (tier " + low.tier() + ")");
            }
        }
    }

    /** The first resource in which {@code high} offers less than {@code low}, or null. */
    static String smaller(ResourcePlan high, ResourcePlan low) {
        if (high.vcpu() < low.vcpu()) {
            return "vcpu";
        }
        if (high.memoryMb() < low.memoryMb()) {
            return "memoryMb";
        }
        if (high.diskGb() < low.diskGb()) {
            return "diskGb";
        }
        if (high.maxExtensions() < low.maxExtensions()) {
            return "maxExtensions";
        }
        if (high.maxTenants() < low.maxTenants()) {
            return "maxTenants";
        }
        if (high.maxConcurrentCalls() < low.maxConcurrentCalls()) {
            return "maxConcurrentCalls";
        }
        return null;
    }
}
