package org.mtmanager.shell.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.machine.Machine;

@Service
@Command(scope = "mtm", name = "machine-upgrade", description = "Upgrade a machine and follow its job")
public class MachineUpgrade extends MachineCommand {
    @Option(name = "--confirm", description = "Do not ask for confirmation") boolean confirm;
    @Option(name = "--password", description = "Your password again (asked for when absent)") String password;
    @Option(name = "--otp", description = "Your two-factor code, where it is on (asked for when absent)") String otp;
    @Option(name = "--key", description = "Idempotency key") String key;
    @Option(name = "--no-wait", description = "Return at once instead of following the job") boolean noWait;

    @Argument(index = 0, name = "machine", required = true, description = "Machine id or hostname")
    String machine;

    @Override
    protected void run(Caller c) throws Exception {
        Machine m = machine(c, machine);
        Job job = dangerous(c, password, otp, as -> machines.upgrade(as, m.id(), key));
        if (noWait) {
            done(job, "job " + job.id() + " " + job.state());
            return;
        }
        Job end = watch(c, job, 600);
        if (end.error() != null) {
            throw new MtmException(ErrorCode.CONFLICT, "the job failed: " + end.error());
        }
    }
}
