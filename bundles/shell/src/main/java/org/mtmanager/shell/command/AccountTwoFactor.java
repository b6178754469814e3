package org.mtmanager.shell.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.account.AccountService;
import org.mtmanager.shell.support.Completers;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "account-2fa", description = "Require (or not) two-factor authentication of every user of an account's subtree")
public class AccountTwoFactor extends MtmCommand {
    @Reference AccountService accounts;

    @Option(name = "--off", description = "Stop requiring it") boolean off;

    @Argument(index = 0, name = "account", required = true, description = "Account id or name")
    @Completion(Completers.Accounts.class)
    String account;

    @Override
    protected void run(Caller c) {
        long id = accounts.find(c, account).id();
        var a = accounts.requireTwoFactor(c, id, !off);
        done(a, "Account " + id + (a.twoFactorRequired() ? " requires" : " does not require")
            + " two-factor authentication of its users");
    }
}
