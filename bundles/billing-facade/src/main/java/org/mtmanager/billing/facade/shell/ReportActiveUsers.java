package org.mtmanager.billing.facade.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.Caller;
import org.mtmanager.api.billing.ActiveUsersReport;

@Service
@Command(scope = "mtm", name = "report-active-users", description = "Every active MT user (extension) across the machines of a subtree, with the billed totals")
public class ReportActiveUsers extends BillingCommand {
    @Argument(index = 0, name = "account", description = "Account id (default: your own)")
    String account;
    @Option(name = "--csv", description = "Print it as CSV") boolean csv;

    @Override
    protected void run(Caller c) {
        Long id = account == null ? null : account(account);
        if (csv) {
            out().print(billing.activeUsersCsv(c, id));
            return;
        }
        ActiveUsersReport r = billing.activeUsers(c, id);
        ShellTable t = new ShellTable();
        for (String col : new String[] {"Machine", "Serial", "Hostname", "Account", "State", "Ext", "Tenants", "Apps/machine", "Apps/user"}) {
            t.column(col);
        }
        r.machines().forEach(m -> t.addRow().addContent(m.machineId(), m.serial(), m.hostname(), m.accountId(), m.state(),
            m.extensions(), m.tenants(), m.appsPerMachine(), m.appsPerUser()));
        print(r, t);
        if (!json) {
            out().println("account " + r.accountId() + ": " + r.extensions() + " active user(s) and " + r.tenants()
                + " tenant(s) on " + r.machineCount() + " machine(s), as of " + r.asOf());
        }
    }
}
