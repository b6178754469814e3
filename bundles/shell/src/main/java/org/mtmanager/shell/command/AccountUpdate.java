package org.mtmanager.shell.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.account.Account;
import org.mtmanager.api.account.AccountChange;
import org.mtmanager.api.account.AccountService;
import org.mtmanager.shell.support.Completers;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "account-update", description = "Rename an account or change its contact e-mail")
public class AccountUpdate extends MtmCommand {
    @Reference AccountService accounts;

    @Option(name = "--name", description = "New name")
    String name;

    @Option(name = "--email", description = "New contact e-mail")
    String email;

    @Argument(index = 0, name = "account", required = true, description = "Account id or name")
    @Completion(Completers.Accounts.class)
    String account;

    @Override
    protected void run(Caller c) {
        Account a = accounts.update(c, accounts.find(c, account).id(), new AccountChange(name, email));
        done(a, "Updated account " + a.id() + " '" + a.name() + "'");
    }
}
