package org.mtmanager.access.facade.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.did.DidMatch;

@Service
@Command(scope = "mtm", name = "did-lookup", description = "Show where a dialled number goes, by longest prefix")
public class DidLookup extends DidCommand {
    @Argument(index = 0, name = "number", required = true, description = "An E.164 number, such as +34915550123")
    String number;

    @Override
    protected void run(Caller c) {
        DidMatch m = dids.lookup(c, number);
        done(m, m.number() + " -> " + m.route().machineHostname() + " (" + m.internalIp() + ", " + m.machineState()
            + ") by route " + m.route().number());
    }
}
