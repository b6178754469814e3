package org.mtmanager.machine.facade.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.machine.Machine;

@Service
@Command(scope = "mtm", name = "machine-app", description = "Activate (or with --off, deactivate) a catalog app on a machine")
public class MachineApp extends MachineCommand {
    @Option(name = "--off", description = "Deactivate instead") boolean off;

    @Argument(index = 0, name = "machine", required = true, description = "Machine id or hostname")
    String machine;

    @Argument(index = 1, name = "app", required = true, description = "App key, e.g. cloudphone")
    String app;

    @Override
    protected void run(Caller c) {
        long id = machine(c, machine).id();
        Machine m = off ? machines.deactivateApp(c, id, app) : machines.activateApp(c, id, app);
        done(m, m.hostname() + " apps: " + (m.apps().isEmpty() ? "(none)" : String.join(", ", m.apps())));
    }
}
