package org.mtmanager.shell.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.Caller;
import org.mtmanager.api.user.Session;
import org.mtmanager.api.user.SessionService;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "session-list", description = "List your live login sessions (portal and REST)")
public class SessionList extends MtmCommand {
    @Reference SessionService sessions;

    @Override
    protected void run(Caller c) {
        List<Session> all = sessions.list(c);
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("From");
        table.column("Client");
        table.column("Since");
        table.column("Last use");
        table.column("Ends");
        for (Session s : all) {
            table.addRow().addContent(s.id(), s(s.sourceIp()), s(s.userAgent()), s(s.createdAt()), s(s.lastSeenAt()),
                s(s.expiresAt()));
        }
        print(all, table);
    }
}
