package org.mtmanager.shell.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.plan.PlanDraft;
import org.mtmanager.api.plan.PlanService;
import org.mtmanager.api.plan.ResourcePlan;
import org.mtmanager.shell.support.Completers;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "plan-set", description = "Create a plan of your account, or change one (given values only)")
public class PlanSet extends MtmCommand {
    @Reference PlanService plans;

    @Option(name = "--tier") Integer tier;
    @Option(name = "--vcpu") Integer vcpu;
    @Option(name = "--memory-mb") Integer memoryMb;
    @Option(name = "--disk-gb") Integer diskGb;
    @Option(name = "--max-extensions") Integer maxExtensions;
    @Option(name = "--max-tenants") Integer maxTenants;
    @Option(name = "--max-calls") Integer maxCalls;
    @Option(name = "--rename", description = "New name, when changing a plan") String rename;

    @Argument(index = 0, name = "plan", required = true, description = "Plan name (or id, to change one)")
    @Completion(Completers.Plans.class)
    String plan;

    @Override
    protected void run(Caller c) {
        ResourcePlan existing = null;
        try {
            ResourcePlan found = plans.find(c, plan);
            if (found.ownerAccountId() == c.accountId() || String.valueOf(found.id()).equals(plan) || c.isPlatformAdmin()) {
                existing = found;
            }
        } catch (MtmException e) {
            if (e.code() != ErrorCode.NOT_FOUND) {
                throw e;
            }
        }
        ResourcePlan p;
        if (existing == null) {
            p = plans.create(c, new PlanDraft(plan, tier, vcpu, memoryMb, diskGb, maxExtensions, maxTenants, maxCalls));
            done(p, "Created plan " + p.id() + " '" + p.name() + "'");
        } else {
            p = plans.update(c, existing.id(), new PlanDraft(rename, tier, vcpu, memoryMb, diskGb, maxExtensions, maxTenants, maxCalls));
            done(p, "Updated plan " + p.id() + " '" + p.name() + "'");
        }
    }
}
