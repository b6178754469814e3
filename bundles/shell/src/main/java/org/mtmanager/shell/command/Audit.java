package org.mtmanager.shell.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.Caller;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.audit.AuditEntry;
import org.mtmanager.api.audit.AuditQuery;
import org.mtmanager.api.audit.AuditService;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "audit", description = "Show the audit log of your subtree, newest first")
public class Audit extends MtmCommand {
    @Reference AuditService audit;

    @Option(name = "--actor") String actor;
    @Option(name = "--action", description = "Action, * as wildcard (e.g. 'account.*')") String action;
    @Option(name = "--outcome", description = "SUCCESS, DENIED or FAILED") String outcome;
    @Option(name = "--limit") int limit = 50;

    @Override
    protected void run(Caller c) {
        Page<AuditEntry> page = audit.list(c, new AuditQuery(actor, action, null, outcome, null, null), PageRequest.first(limit));
        ShellTable t = new ShellTable();
        for (String col : new String[] {"Seq", "Time", "Actor", "From", "Via", "Action", "Target", "Outcome", "Detail"}) {
            t.column(col);
        }
        page.items().forEach(e -> t.addRow().addContent(e.seq(), e.time(), e.actor(), e.sourceIp(), e.channel(), e.action(),
            s(e.targetType()) + " " + s(e.targetId()), e.outcome(), s(e.detail())));
        print(page, t);
    }
}
