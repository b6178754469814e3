package org.mtmanager.shell.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.account.Account;
import org.mtmanager.api.account.AccountDraft;
import org.mtmanager.api.account.AccountService;
import org.mtmanager.shell.support.Completers;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "account-create", description = "Create an account under yours (or under --parent)")
public class AccountCreate extends MtmCommand {
    @Reference AccountService accounts;

    @Option(name = "--type", required = true, description = "operator, reseller, distributor or customer")
    @Completion(Completers.Types.class)
    String type;

    @Option(name = "--parent", description = "Parent account (id or name); default: your own")
    @Completion(Completers.Accounts.class)
    String parent;

    @Option(name = "--email", description = "Contact e-mail")
    String email;

    @Argument(index = 0, name = "name", required = true, description = "Account name")
    String name;

    @Override
    protected void run(Caller c) {
        Long parentId = parent == null ? null : accounts.find(c, parent).id();
        Account a = accounts.create(c, new AccountDraft(parentId, type, name, email));
        done(a, "Created " + a.type().wireName() + " account " + a.id() + " '" + a.name() + "'");
    }
}
