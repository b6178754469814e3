package org.mtmanager.shell.command;

import java.util.Map;

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
@Command(scope = "mtm", name = "account-delete", description = "Delete an account of your subtree")
public class AccountDelete extends MtmCommand {
    @Reference AccountService accounts;

    @Argument(index = 0, name = "account", required = true, description = "Account id or name")
    @Completion(Completers.Accounts.class)
    String account;

    @Option(name = "--password", description = "Your password again (asked for when absent)") String password;
    @Option(name = "--otp", description = "Your two-factor code, where it is on (asked for when absent)") String otp;

    @Override
    protected void run(Caller c) throws Exception {
        long id = accounts.find(c, account).id();
        dangerous(c, password, otp, as -> {
            accounts.delete(as, id);
            return null;
        });
        done(Map.of("deleted", id), "Deleted account " + id);
    }
}
