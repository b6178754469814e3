package org.mtmanager.shell.command;

import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.user.UserService;
import org.mtmanager.shell.support.Completers;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "user-delete", description = "Delete a user of your subtree")
public class UserDelete extends MtmCommand {
    @Reference UserService users;

    @Argument(index = 0, name = "user", required = true, description = "User name or id")
    @Completion(Completers.Users.class)
    String user;

    @Option(name = "--password", description = "Your password again (asked for when absent)") String password;
    @Option(name = "--otp", description = "Your two-factor code, where it is on (asked for when absent)") String otp;

    @Override
    protected void run(Caller c) throws Exception {
        var u = users.find(c, user);
        dangerous(c, password, otp, as -> {
            users.delete(as, u.id());
            return null;
        });
        done(Map.of("deleted", u.username()), "Deleted user " + u.username());
    }
}
