package org.mtmanager.tenant.catalog;

import java.util.List;

import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.field.FieldSpec;
import org.mtmanager.api.plan.PlanDraft;
import org.mtmanager.api.plan.ResourcePlan;
import org.mtmanager.platform.util.Fields;

/**
 * What makes a plan valid: every value positive and within bounds, no more tenants than extensions, and an
 * ordering by tier in which a higher tier never offers less of anything than a lower one.
 */
public final class PlanRules {
    private PlanRules() {
    }

    /** Merges a change onto a plan (or a draft onto nothing) and validates the result's own values. */
    public static ResourcePlan merge(ResourcePlan base, PlanDraft d, long id, long owner) {
        String name = d.name() != null || base == null ? Fields.text(PlanDraft.NAME, d.name()) : base.name();
        ResourcePlan p = new ResourcePlan(id, owner, name,
            value(PlanDraft.TIER, d.tier(), base == null ? null : base.tier()),
            value(PlanDraft.VCPU, d.vcpu(), base == null ? null : base.vcpu()),
            value(PlanDraft.MEMORY_MB, d.memoryMb(), base == null ? null : base.memoryMb()),
            value(PlanDraft.DISK_GB, d.diskGb(), base == null ? null : base.diskGb()),
            value(PlanDraft.MAX_EXTENSIONS, d.maxExtensions(), base == null ? null : base.maxExtensions()),
            value(PlanDraft.MAX_TENANTS, d.maxTenants(), base == null ? null : base.maxTenants()),
            value(PlanDraft.MAX_CONCURRENT_CALLS, d.maxConcurrentCalls(), base == null ? null : base.maxConcurrentCalls()));
        if (p.maxTenants() > p.maxExtensions()) {
            throw new MtmException(ErrorCode.RULE_VIOLATION, "maxTenants",
                "maxTenants: cannot exceed maxExtensions (" + p.maxExtensions() + "): every tenant needs an extension");
        }
        return p;
    }

    /** The value given, else the current one (on update); required and within the field's bounds either way. */
    private static int value(FieldSpec spec, Integer given, Integer current) {
        return Fields.number(spec, given != null ? given : current);
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
