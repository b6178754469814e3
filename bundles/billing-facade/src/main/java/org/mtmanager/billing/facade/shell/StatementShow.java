package org.mtmanager.billing.facade.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;

@Service
@Command(scope = "mtm", name = "statement-show", description = "Show an account's statement of a period: stored once closed, else as it stands")
public class StatementShow extends BillingCommand {
    @Argument(index = 0, name = "account", required = true, description = "Account id")
    String account;
    @Argument(index = 1, name = "period", required = true, description = "Month, YYYY-MM")
    String period;
    @Option(name = "--csv", description = "Print it as CSV") boolean csv;

    @Override
    protected void run(Caller c) {
        if (csv) {
            out().print(billing.statementCsv(c, account(account), period));
            return;
        }
        printStatement(billing.statement(c, account(account), period));
    }
}
