package org.mtmanager.shell.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.account.AccountService;
import org.mtmanager.shell.support.Completers;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "account-resume", description = "Resume an account of your subtree")
public class AccountResume extends MtmCommand {
    @Reference AccountService accounts;

    @Argument(index = 0, name = "account", required = true, description = "Account id or name")
    @Completion(Completers.Accounts.class)
    String account;

    @Override
    protected void run(Caller c) {
        long id = accounts.find(c, account).id();
        var a = accounts.resume(c, id);
        done(a, "Account " + id + " is now " + a.status());
    }
}
