package org.mtmanager.access.facade.shell;

import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.did.DidRoute;

@Service
@Command(scope = "mtm", name = "did-delete", description = "Remove the DID route of exactly this number or prefix")
public class DidDelete extends DidCommand {
    @Argument(index = 0, name = "number", required = true, description = "The route's number or prefix, as listed")
    @Completion(DidRouteCompleter.class)
    String number;

    @Override
    protected void run(Caller c) {
        DidRoute r = dids.find(c, number);
        dids.delete(c, r.id());
        done(Map.of("deleted", r.id()), "Removed route " + r.number() + " to " + r.machineHostname());
    }
}
