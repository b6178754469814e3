package org.mtmanager.access.facade.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.access.AccessService;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "revoke", description = "Revoke a service grant at once, cutting its established connections")
public class Revoke extends MtmCommand {
    @Reference AccessService access;

    @Argument(index = 0, name = "machine", required = true, description = "Machine id") long machine;
    @Argument(index = 1, name = "grant", required = true, description = "Grant id (see mtm:access)") long grant;

    @Override
    protected void run(Caller c) {
        access.revoke(c, machine, grant);
        done(null, "Revoked grant " + grant);
    }
}
