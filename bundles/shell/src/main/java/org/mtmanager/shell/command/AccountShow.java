package org.mtmanager.shell.command;

import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.Caller;
import org.mtmanager.api.account.Account;
import org.mtmanager.api.account.AccountService;
import org.mtmanager.shell.support.Completers;
import org.mtmanager.shell.support.JsonOut;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "account-show", description = "Show one account and its whitelist")
public class AccountShow extends MtmCommand {
    @Reference AccountService accounts;

    @Argument(index = 0, name = "account", required = true, description = "Account id or name")
    @Completion(Completers.Accounts.class)
    String account;

    @Override
    protected void run(Caller c) {
        Account a = accounts.find(c, account);
        var whitelist = accounts.whitelist(c, a.id());
        if (json) {
            out().println(JsonOut.write(Map.of("account", a, "whitelist", whitelist)));
            return;
        }
        ShellTable t = new ShellTable();
        t.column("Field");
        t.column("Value");
        t.addRow().addContent("id", a.id());
        t.addRow().addContent("parent", a.parentId());
        t.addRow().addContent("type", a.type().wireName());
        t.addRow().addContent("name", a.name());
        t.addRow().addContent("status", a.status());
        t.addRow().addContent("contact", s(a.contactEmail()));
        t.addRow().addContent("created", a.createdAt());
        t.addRow().addContent("whitelist", whitelist.isEmpty() ? "(any address)"
            : String.join(", ", whitelist.stream().map(w -> w.cidr()).toList()));
        t.print(out());
    }
}
