package org.mtmanager.machine.facade.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
@Service
@Command(scope = "mtm", name = "job-watch", description = "Follow a job's progress until it ends")
public class JobWatch extends MachineCommand {
    @Option(name = "--timeout", description = "Seconds to follow it at most") int timeout = 600;

    @Argument(index = 0, name = "job", required = true, description = "Job id")
    long job;

    @Override
    protected void run(Caller c) throws Exception {
        watch(c, jobs.get(c, job), timeout);
    }
}
