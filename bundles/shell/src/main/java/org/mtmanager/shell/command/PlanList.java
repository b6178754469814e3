package org.mtmanager.shell.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.Caller;
import org.mtmanager.api.plan.PlanService;
import org.mtmanager.api.plan.ResourcePlan;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "plan-list", description = "List the resource plans that apply to you")
public class PlanList extends MtmCommand {
    @Reference PlanService plans;

    @Override
    protected void run(Caller c) {
        List<ResourcePlan> list = plans.list(c);
        ShellTable t = new ShellTable();
        for (String col : new String[] {"Id", "Owner", "Name", "Tier", "vCPU", "Memory MB", "Disk GB", "Max ext", "Max tenants", "Max calls"}) {
            t.column(col);
        }
        list.forEach(p -> t.addRow().addContent(p.id(), p.ownerAccountId(), p.name(), p.tier(), p.vcpu(), p.memoryMb(),
            p.diskGb(), p.maxExtensions(), p.maxTenants(), p.maxConcurrentCalls()));
        print(list, t);
    }
}
