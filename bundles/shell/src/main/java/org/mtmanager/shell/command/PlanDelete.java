package org.mtmanager.shell.command;

import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.plan.PlanService;
import org.mtmanager.shell.support.Completers;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "plan-delete", description = "Delete a resource plan of your account")
public class PlanDelete extends MtmCommand {
    @Reference PlanService plans;

    @Argument(index = 0, name = "plan", required = true, description = "Plan name or id")
    @Completion(Completers.Plans.class)
    String plan;

    @Override
    protected void run(Caller c) {
        var p = plans.find(c, plan);
        plans.delete(c, p.id());
        done(Map.of("deleted", p.id()), "Deleted plan " + p.id() + " '" + p.name() + "'");
    }
}
