package org.mtmanager.sipedge.facade.shell;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.sipedge.SipEdgeService;
import org.mtmanager.api.sipedge.SipEdgeStatus;
import org.mtmanager.shell.support.MtmCommand;

/** What the SIP edge commands share: the service, and the status as its drift and a summary line (or JSON). */
abstract class SipEdgeCommand extends MtmCommand {
    @Reference SipEdgeService edge;

    void show(SipEdgeStatus st) {
        ShellTable t = new ShellTable();
        t.column("Drift");
        st.drift().forEach(d -> t.addRow().addContent(d));
        print(st, t);
        if (!json) {
            out().println("SIP edge (" + st.backend() + ") " + (st.running() ? "runs" : "does not run") + " on "
                + String.join(", ", st.listen()) + ": " + st.edgeRoutes() + " of " + st.routes() + " route(s), carriers "
                + (st.carriers().isEmpty() ? "none" : String.join(", ", st.carriers())) + ", " + st.drift().size() + " drift(s)"
                + (st.repaired() ? ", in step" : "") + (st.problems().isEmpty() ? "" : "; problems: " + String.join("; ", st.problems())));
        }
    }
}
