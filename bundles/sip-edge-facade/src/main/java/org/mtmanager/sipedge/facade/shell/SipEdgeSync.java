package org.mtmanager.sipedge.facade.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;

@Service
@Command(scope = "mtm", name = "sip-edge-sync", description = "Compare the SIP edge with the database and load its whole table again (platform administrators)")
public class SipEdgeSync extends SipEdgeCommand {
    @Option(name = "--dry-run", description = "Only report; change nothing") boolean dryRun;

    @Override
    protected void run(Caller c) {
        show(edge.sync(c, !dryRun));
    }
}
