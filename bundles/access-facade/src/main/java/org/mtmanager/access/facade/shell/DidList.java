package org.mtmanager.access.facade.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.Caller;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.did.DidRoute;
import org.mtmanager.api.did.DidRouteQuery;

@Service
@Command(scope = "mtm", name = "did-list", description = "List the DID routes of the machines you see, by number")
public class DidList extends DidCommand {
    @Option(name = "--number", description = "Only routes whose number starts with these digits") String number;
    @Option(name = "--machine", description = "Only routes to this machine (id or hostname)")
    @Completion(MachineCompleter.class)
    String machine;
    @Option(name = "--offset") int offset;
    @Option(name = "--limit") int limit = 100;

    @Override
    protected void run(Caller c) {
        Long machineId = machine == null ? null : machine(c, machine).id();
        Page<DidRoute> page = dids.list(c, new DidRouteQuery(machineId, number), new PageRequest(offset, limit));
        ShellTable t = new ShellTable();
        for (String col : new String[] {"Id", "Number", "Machine", "Account", "Description"}) {
            t.column(col);
        }
        page.items().forEach(r -> t.addRow().addContent(r.id(), r.number(), r.machineHostname(), r.accountId(), s(r.description())));
        print(page, t);
        if (!json) {
            out().println(page.items().size() + " of " + page.total() + " route(s)");
        }
    }
}
