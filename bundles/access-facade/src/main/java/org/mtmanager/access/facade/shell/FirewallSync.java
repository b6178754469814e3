package org.mtmanager.access.facade.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.Caller;
import org.mtmanager.api.access.AccessService;
import org.mtmanager.api.access.FirewallStatus;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "firewall-sync", description = "Compare the firewall with the database and repair the drift (platform administrators)")
public class FirewallSync extends MtmCommand {
    @Reference AccessService access;

    @Option(name = "--dry-run", description = "Only report; change nothing") boolean dryRun;

    @Override
    protected void run(Caller c) {
        FirewallStatus st = access.sync(c, !dryRun);
        ShellTable t = new ShellTable();
        t.column("Drift");
        st.drift().forEach(d -> t.addRow().addContent(d));
        print(st, t);
        if (!json) {
            out().println("backend " + st.backend() + ": " + st.forwards() + " forward(s), " + st.grants() + " grant(s), "
                + st.pendingGrants() + " pending, " + st.drift().size() + " drift(s)" + (st.repaired() ? ", in step" : "")
                + (st.problems().isEmpty() ? "" : "; problems: " + String.join("; ", st.problems())));
        }
    }
}
