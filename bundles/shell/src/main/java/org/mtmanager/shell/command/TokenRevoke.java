package org.mtmanager.shell.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.user.TokenService;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "token-revoke", description = "Revoke one of your API tokens at once")
public class TokenRevoke extends MtmCommand {
    @Reference TokenService tokens;

    @Argument(index = 0, name = "id", required = true, description = "Token id (see mtm:token-list)") long id;

    @Override
    protected void run(Caller c) {
        done(tokens.revoke(c, id), "Revoked token " + id);
    }
}
