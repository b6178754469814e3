package org.mtmanager.machine.facade.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.machine.Machine;

@Service
@Command(scope = "mtm", name = "machine-stop", description = "Stop a machine and follow its job")
public class MachineStop extends MachineJobCommand {
    @Option(name = "--confirm", description = "Do not ask for confirmation") boolean confirm;

    @Argument(index = 0, name = "machine", required = true, description = "Machine id or hostname")
    String machine;

    @Override
    protected void run(Caller c) throws Exception {
        Machine m = machine(c, machine);
        Job job = machines.stop(c, m.id(), confirmed(confirm, "Stop " + m.hostname() + "?"), key);
        follow(c, job);
    }
}
