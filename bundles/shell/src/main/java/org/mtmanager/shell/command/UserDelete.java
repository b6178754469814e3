package org.mtmanager.shell.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.user.UserService;

@Service
@Command(scope = "mtm", name = "user-delete", description = "Delete a user of your subtree")
public class UserDelete extends MtmCommand {
    @Reference UserService users;

    @Argument(index = 0, name = "user", required = true, description = "User name or id")
    @Completion(Completers.Users.class)
    String user;

    @Override
    protected void run(Caller c) {
        var u = users.find(c, user);
        users.delete(c, u.id());
        done(java.util.Map.of("deleted", u.username()), "Deleted user " + u.username());
    }
}
