package org.mtmanager.machine.facade.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.machine.Machine;

@Service
@Command(scope = "mtm", name = "machine-delete", description = "Delete a machine and follow its job")
public class MachineDelete extends MachineJobCommand {
    @Option(name = "--confirm", description = "Do not ask for confirmation") boolean confirm;
    @Option(name = "--password", description = "Your password again (asked for when absent)") String password;
    @Option(name = "--otp", description = "Your two-factor code, where it is on (asked for when absent)") String otp;

    @Argument(index = 0, name = "machine", required = true, description = "Machine id or hostname")
    String machine;

    @Override
    protected void run(Caller c) throws Exception {
        Machine m = machine(c, machine);
        boolean sure = confirmed(confirm, "Delete " + m.hostname() + " for good?");
        Job job = dangerous(c, password, otp, as -> machines.delete(as, m.id(), sure, key));
        follow(c, job);
    }
}
