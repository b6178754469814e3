package org.mtmanager.machine.facade.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.machine.PlanChange;

@Service
@Command(scope = "mtm", name = "plan-change-decide", description = "Approve or reject a plan change request (platform administrators)")
public class PlanChangeDecide extends MachineCommand {
    @Option(name = "--approve") boolean approve;
    @Option(name = "--reject") boolean reject;
    @Option(name = "--note", description = "Why, for the record") String note;
    @Option(name = "--password", description = "Your password again (asked for when absent)") String password;
    @Option(name = "--otp", description = "Your two-factor code, where it is on (asked for when absent)") String otp;

    @Argument(index = 0, name = "request", required = true, description = "Plan change request id")
    long request;

    @Override
    protected void run(Caller c) throws Exception {
        if (approve == reject) {
            throw MtmException.invalid("approve", "give exactly one of --approve and --reject");
        }
        PlanChange p = dangerous(c, password, otp, as -> machines.decidePlanChange(as, request, approve, note));
        if (p.jobId() != 0 && !json) {
            watch(c, jobs.get(c, p.jobId()), 600);
        } else {
            done(p, "Plan change " + p.id() + " " + p.state());
        }
    }
}
