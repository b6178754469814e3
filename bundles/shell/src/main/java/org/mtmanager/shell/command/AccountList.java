package org.mtmanager.shell.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.Caller;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.account.Account;
import org.mtmanager.api.account.AccountQuery;
import org.mtmanager.api.account.AccountService;
import org.mtmanager.shell.support.Completers;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "account-list", description = "List the accounts of your subtree")
public class AccountList extends MtmCommand {
    @Reference AccountService accounts;

    @Option(name = "--parent", description = "Only the children of this account (id or name)")
    @Completion(Completers.Accounts.class)
    String parent;

    @Option(name = "--type", description = "Only accounts of this type")
    @Completion(Completers.Types.class)
    String type;

    @Option(name = "--search", description = "Only names containing this text")
    String search;

    @Option(name = "--offset") int offset;

    @Option(name = "--limit") int limit = 100;

    @Override
    protected void run(Caller c) {
        Long parentId = parent == null ? null : accounts.find(c, parent).id();
        Page<Account> page = accounts.list(c, new AccountQuery(parentId, type, search), new PageRequest(offset, limit));
        ShellTable t = new ShellTable();
        t.column("Id");
        t.column("Parent");
        t.column("Type");
        t.column("Name");
        t.column("Status");
        t.column("Contact");
        page.items().forEach(a -> t.addRow().addContent(a.id(), a.parentId(), a.type().wireName(), a.name(), a.status(),
            s(a.contactEmail())));
        print(page, t);
        if (!json) {
            out().println(page.items().size() + " of " + page.total() + " account(s)");
        }
    }
}
