package org.mtmanager.shell.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.account.AccountService;
import org.mtmanager.api.user.User;
import org.mtmanager.api.user.UserDraft;
import org.mtmanager.api.user.UserService;
import org.mtmanager.shell.support.Completers;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "user-add", description = "Add a user to an account of your subtree")
public class UserAdd extends MtmCommand {
    @Reference UserService users;
    @Reference AccountService accounts;

    @Option(name = "--account", description = "The user's account (id or name); default: your own")
    @Completion(Completers.Accounts.class)
    String account;

    @Option(name = "--role", required = true, description = "platform-admin, operator-admin, reseller-admin, distributor-admin or viewer")
    @Completion(Completers.Roles.class)
    String role;

    @Option(name = "--name", description = "Full name")
    String fullName;

    @Option(name = "--email", description = "E-mail address")
    String email;

    @Option(name = "--password", description = "Initial password (asked for when absent)")
    String password;

    @Argument(index = 0, name = "username", required = true, description = "User name")
    String username;

    @Override
    protected void run(Caller c) throws Exception {
        Long accountId = account == null ? null : accounts.find(c, account).id();
        User u = users.create(c, new UserDraft(accountId, username, secret(password, "Password: "), role, fullName, email));
        done(u, "Created user " + u.id() + " '" + u.username() + "' (" + u.role().wireName() + ") in account " + u.accountId());
    }
}
