package org.mtmanager.machine.facade.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.machine.PlanChange;
import org.mtmanager.shell.support.Completers;

@Service
@Command(scope = "mtm", name = "plan-change-request", description = "Ask for another resource plan for a machine (a platform administrator decides)")
public class PlanChangeRequest extends MachineCommand {
    @Option(name = "--reason", description = "Why") String reason;
    @Option(name = "--password", description = "Your password again (asked for when absent)") String password;
    @Option(name = "--otp", description = "Your two-factor code, where it is on (asked for when absent)") String otp;

    @Argument(index = 0, name = "machine", required = true, description = "Machine id or hostname")
    String machine;

    @Argument(index = 1, name = "plan", required = true, description = "The plan wanted")
    @Completion(Completers.Plans.class)
    String plan;

    @Override
    protected void run(Caller c) throws Exception {
        long id = machine(c, machine).id();
        PlanChange p = dangerous(c, password, otp, as -> machines.requestPlanChange(as, id, plan, reason));
        done(p, "Plan change " + p.id() + " is " + p.state() + ": waiting for a platform administrator");
    }
}
