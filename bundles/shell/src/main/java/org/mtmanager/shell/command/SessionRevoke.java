package org.mtmanager.shell.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.user.SessionService;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "session-revoke", description = "End one of your login sessions at once")
public class SessionRevoke extends MtmCommand {
    @Reference SessionService sessions;

    @Argument(index = 0, name = "id", required = true, description = "Session id (see mtm:session-list)") long id;

    @Override
    protected void run(Caller c) {
        done(sessions.revoke(c, id), "Ended session " + id);
    }
}
