package org.mtmanager.shell.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.user.UserService;
import org.mtmanager.shell.support.Completers;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "user-unlock", description = "Unlock a user of your subtree")
public class UserUnlock extends MtmCommand {
    @Reference UserService users;

    @Argument(index = 0, name = "user", required = true, description = "User name or id")
    @Completion(Completers.Users.class)
    String user;

    @Override
    protected void run(Caller c) {
        var u = users.find(c, user);
        done(users.unlock(c, u.id()), "Unlocked user " + u.username());
    }
}
