package org.mtmanager.shell.command;

import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.user.User;
import org.mtmanager.api.user.UserService;
import org.mtmanager.shell.support.Completers;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "user-password", description = "Set a user's password: your own (with --current) or one of your subtree's")
public class UserPassword extends MtmCommand {
    @Reference UserService users;

    @Option(name = "--current", description = "Your current password, when changing your own")
    String current;

    @Argument(index = 0, name = "user", required = true, description = "User name or id")
    @Completion(Completers.Users.class)
    String user;

    @Argument(index = 1, name = "password", description = "The new password (asked for when absent)")
    String password;

    @Override
    protected void run(Caller c) throws Exception {
        User u = users.find(c, user);
        String cur = u.id() == c.userId() ? secret(current, "Current password: ") : null;
        users.setPassword(c, u.id(), cur, secret(password, "New password: "));
        done(Map.of("user", u.username(), "passwordChanged", true), "Password of " + u.username() + " changed");
    }
}
