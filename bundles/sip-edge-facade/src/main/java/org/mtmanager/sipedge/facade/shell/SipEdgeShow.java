package org.mtmanager.sipedge.facade.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;

@Service
@Command(scope = "mtm", name = "sip-edge", description = "Show the SIP edge: whether it runs, where carriers reach it, and what it holds (platform administrators)")
public class SipEdgeShow extends SipEdgeCommand {
    @Override
    protected void run(Caller c) {
        show(edge.status(c));
    }
}
