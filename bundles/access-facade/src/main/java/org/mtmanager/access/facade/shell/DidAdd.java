package org.mtmanager.access.facade.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.did.DidRoute;
import org.mtmanager.api.did.DidRouteDraft;

@Service
@Command(scope = "mtm", name = "did-add", description = "Route an E.164 number or prefix to a machine (longest prefix wins)")
public class DidAdd extends DidCommand {
    @Option(name = "--description", description = "Free text, such as the customer's line") String description;

    @Argument(index = 0, name = "number", required = true, description = "E.164 number or prefix, such as +34915550")
    String number;

    @Argument(index = 1, name = "machine", required = true, description = "Machine hostname, serial or id")
    @Completion(MachineCompleter.class)
    String machine;

    @Override
    protected void run(Caller c) {
        DidRoute r = dids.create(c, new DidRouteDraft(number, machine, description));
        done(r, "Routed " + r.number() + " to " + r.machineHostname() + " (route " + r.id() + ")");
    }
}
