package org.mtmanager.billing.facade.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;

@Service
@Command(scope = "mtm", name = "statement-close", description = "Close an ended period of an account; closing again shows the same statement")
public class StatementClose extends BillingCommand {
    @Argument(index = 0, name = "account", required = true, description = "Account id")
    String account;
    @Argument(index = 1, name = "period", required = true, description = "Month, YYYY-MM")
    String period;

    @Override
    protected void run(Caller c) {
        printStatement(billing.close(c, account(account), period));
    }
}
