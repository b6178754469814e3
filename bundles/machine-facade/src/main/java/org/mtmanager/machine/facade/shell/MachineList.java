package org.mtmanager.machine.facade.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.machine.Machine;
import org.mtmanager.api.machine.MachineQuery;

@Service
@Command(scope = "mtm", name = "machine-list", description = "List the machines of your subtree, with the billed totals")
public class MachineList extends MachineCommand {
    @Option(name = "--state", description = "Only machines in this state (DELETED ones only this way)") String state;
    @Option(name = "--search", description = "Hostname or serial contains") String search;
    @Option(name = "--offset", description = "Skip this many machines (a deep offset is slow: page with --after)") int offset;
    @Option(name = "--after", description = "Machines after this id: the next page's cursor, printed under each page") Long after;
    @Option(name = "--limit") int limit = 100;

    @Override
    protected void run(Caller c) {
        Page<Machine> page = machines.list(c, new MachineQuery(null, state, search), new PageRequest(offset, limit, after));
        ShellTable t = new ShellTable();
        for (String col : new String[] {"Id", "Serial", "Hostname", "Account", "Plan", "Version", "Ext", "Tenants", "State", "Host"}) {
            t.column(col);
        }
        page.items().forEach(m -> t.addRow().addContent(m.id(), m.serial(), m.hostname(), m.accountId(), m.planName(),
            m.pbxVersion(), m.extensions(), m.tenants(), m.driverAvailable() ? m.state() : m.state() + " (driver unavailable)",
            m.host()));
        print(page, t);
        if (!json) {
            var totals = machines.totals(c, null);
            out().println(page.items().size() + " of " + page.total() + " machine(s); licensed: " + totals.extensions()
                + " extensions, " + totals.tenants() + " tenants" + (page.next() == null ? "" : "; next page: --after " + page.next()));
        }
    }
}
