package org.mtmanager.machine.facade.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.machine.Machine;

@Service
@Command(scope = "mtm", name = "machine-start", description = "Start a machine and follow its job")
public class MachineStart extends MachineJobCommand {

    @Argument(index = 0, name = "machine", required = true, description = "Machine id or hostname")
    String machine;

    @Override
    protected void run(Caller c) throws Exception {
        Machine m = machine(c, machine);
        Job job = machines.start(c, m.id(), key);
        follow(c, job);
    }
}
