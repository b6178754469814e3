package org.mtmanager.billing.facade.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.Caller;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.billing.UsageDay;

@Service
@Command(scope = "mtm", name = "usage", description = "Show the daily licence usage ledger of an account's subtree in a period")
public class Usage extends BillingCommand {
    @Argument(index = 0, name = "account", required = true, description = "Account id")
    String account;
    @Argument(index = 1, name = "period", required = true, description = "Month, YYYY-MM")
    String period;
    @Option(name = "--csv", description = "Print every record as CSV") boolean csv;
    @Option(name = "--offset") int offset;
    @Option(name = "--limit") int limit = 100;

    @Override
    protected void run(Caller c) {
        if (csv) {
            out().print(billing.usageCsv(c, account(account), period));
            return;
        }
        Page<UsageDay> page = billing.usage(c, account(account), period, new PageRequest(offset, limit));
        ShellTable t = new ShellTable();
        for (String col : new String[] {"Day", "Machine", "Serial", "Hostname", "Account", "Ext", "Tenants", "Apps/machine", "Apps/user", "Live s"}) {
            t.column(col);
        }
        page.items().forEach(u -> t.addRow().addContent(u.day(), u.machineId(), u.serial(), u.hostname(), u.accountId(),
            u.extensions(), u.tenants(), u.appsPerMachine(), u.appsPerUser(), u.liveSeconds()));
        print(page, t);
        if (!json) {
            out().println(page.items().size() + " of " + page.total() + " record(s)");
        }
    }
}
