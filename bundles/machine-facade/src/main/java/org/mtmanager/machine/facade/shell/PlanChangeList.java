package org.mtmanager.machine.facade.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.Caller;
import org.mtmanager.api.machine.PlanChange;

@Service
@Command(scope = "mtm", name = "plan-change-list", description = "List resource-plan change requests of your subtree")
public class PlanChangeList extends MachineCommand {
    @Option(name = "--state", description = "PENDING, APPROVED or REJECTED") String state;

    @Override
    protected void run(Caller c) {
        List<PlanChange> list = machines.planChanges(c, state);
        ShellTable t = new ShellTable();
        for (String col : new String[] {"Id", "Machine", "From plan", "To plan", "State", "Requested by", "Reason", "Decided by", "Job"}) {
            t.column(col);
        }
        list.forEach(p -> t.addRow().addContent(p.id(), p.machineId(), p.fromPlanId(), p.toPlanId(), p.state(),
            p.requestedBy(), s(p.reason()), s(p.decidedBy()), p.jobId() == 0 ? "" : p.jobId()));
        print(list, t);
    }
}
