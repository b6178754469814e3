package org.mtmanager.shell.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.Caller;
import org.mtmanager.api.account.AccountService;
import org.mtmanager.api.account.WhitelistEntry;
import org.mtmanager.shell.support.Completers;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "whitelist", description = "Show, add to or remove from an account's portal whitelist")
public class Whitelist extends MtmCommand {
    @Reference AccountService accounts;

    @Option(name = "--add", description = "Add this address or CIDR block")
    String add;

    @Option(name = "--remove", description = "Remove this address or CIDR block")
    String remove;

    @Option(name = "--description", description = "Description of the entry added")
    String description;

    @Argument(index = 0, name = "account", required = true, description = "Account id or name")
    @Completion(Completers.Accounts.class)
    String account;

    @Override
    protected void run(Caller c) {
        long id = accounts.find(c, account).id();
        List<WhitelistEntry> list;
        if (add != null) {
            list = accounts.addToWhitelist(c, id, new WhitelistEntry(add, description));
        } else if (remove != null) {
            list = accounts.removeFromWhitelist(c, id, remove);
        } else {
            list = accounts.whitelist(c, id);
        }
        ShellTable t = new ShellTable();
        t.column("CIDR");
        t.column("Description");
        list.forEach(w -> t.addRow().addContent(w.cidr(), s(w.description())));
        print(list, t);
        if (!json && list.isEmpty()) {
            out().println("(empty: the account's users may call the APIs from any address)");
        }
    }
}
