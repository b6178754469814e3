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
import org.mtmanager.api.account.AccountService;
import org.mtmanager.api.user.User;
import org.mtmanager.api.user.UserService;
import org.mtmanager.shell.support.Completers;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "user-list", description = "List the users of your subtree")
public class UserList extends MtmCommand {
    @Reference UserService users;
    @Reference AccountService accounts;

    @Option(name = "--account", description = "Only the users of this account")
    @Completion(Completers.Accounts.class)
    String account;

    @Option(name = "--offset") int offset;

    @Option(name = "--limit") int limit = 100;

    @Override
    protected void run(Caller c) {
        Long accountId = account == null ? null : accounts.find(c, account).id();
        Page<User> page = users.list(c, accountId, new PageRequest(offset, limit));
        ShellTable t = new ShellTable();
        t.column("Id");
        t.column("Account");
        t.column("User");
        t.column("Role");
        t.column("Name");
        t.column("Locked until");
        page.items().forEach(u -> t.addRow().addContent(u.id(), u.accountId(), u.username(), u.role().wireName(),
            s(u.fullName()), s(u.lockedUntil())));
        print(page, t);
    }
}
