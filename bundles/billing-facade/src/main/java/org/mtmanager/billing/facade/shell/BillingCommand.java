package org.mtmanager.billing.facade.shell;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.billing.BillingService;
import org.mtmanager.api.billing.Statement;
import org.mtmanager.shell.support.JsonOut;
import org.mtmanager.shell.support.MtmCommand;

/** What the billing commands share: the billing service, account ids, and how a statement is printed. */
public abstract class BillingCommand extends MtmCommand {

    @Reference
    protected BillingService billing;

    /** An account id argument, with the same error as REST gives for a bad one. */
    protected static long account(String value) {
        if (value == null || !value.matches("[1-9]\\d{0,17}")) {
            throw MtmException.invalid("accountId", "must be a positive whole number");
        }
        return Long.parseLong(value);
    }

    protected void printStatement(Statement s) {
        if (json) {
            out().println(JsonOut.write(s));
            return;
        }
        ShellTable t = new ShellTable();
        for (String col : new String[] {"Kind", "Machine", "Hostname", "Licence", "Qty", "Licence-days", "Unit price", "Amount", "Note"}) {
            t.column(col);
        }
        s.lines().forEach(l -> t.addRow().addContent(l.kind(), l.machineId() == 0 ? "" : l.machineId(), s(l.hostname()),
            s(l.licence()), l.quantity(), l.licenceDays().toPlainString(), l.unitPrice().toPlainString(),
            l.amount().toPlainString(), s(l.note())));
        t.print(out());
        out().println("account " + s.accountId() + ", " + s.period() + " (" + s.daysInPeriod() + " days), " + s.state()
            + (s.closedAt() == null ? "" : " on " + s.closedAt() + " by " + s.closedBy()) + ", " + s.ratingMode() + ": "
            + s.lines().size() + " line(s), total " + s.total().toPlainString() + " " + s.currency());
    }
}
