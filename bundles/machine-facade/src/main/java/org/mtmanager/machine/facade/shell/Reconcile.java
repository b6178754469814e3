package org.mtmanager.machine.facade.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.Caller;
import org.mtmanager.api.machine.ReconciliationReport;
import org.mtmanager.api.machine.ReconciliationService;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "reconcile", description = "Compare the database with every driver and repair the drift (platform administrators)")
public class Reconcile extends MtmCommand {
    @Reference ReconciliationService reconciler;

    @Option(name = "--dry-run", description = "Only report; change nothing") boolean dryRun;

    @Override
    protected void run(Caller c) {
        ReconciliationReport r = reconciler.reconcile(c, !dryRun);
        ShellTable t = new ShellTable();
        for (String col : new String[] {"Kind", "Host", "Serial", "Machine", "Repaired", "Detail"}) {
            t.column(col);
        }
        r.drifts().forEach(d -> t.addRow().addContent(d.kind(), d.host(), d.serial(), d.machineId(), d.repaired(), d.detail()));
        print(r, t);
        if (!json) {
            out().println(r.hostsChecked() + " host(s) checked, " + r.drifts().size() + " drift(s)"
                + (r.hostsSkipped().isEmpty() ? "" : "; skipped: " + String.join("; ", r.hostsSkipped())));
        }
    }
}
