package org.mtmanager.access.facade.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.Caller;
import org.mtmanager.api.access.AccessService;
import org.mtmanager.api.access.MachineAccess;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "access", description = "Show a machine's service grants and port forwards, with the external ports to use")
public class Access extends MtmCommand {
    @Reference AccessService access;

    @Argument(index = 0, name = "machine", required = true, description = "Machine id") long machine;

    @Override
    protected void run(Caller c) {
        MachineAccess a = access.access(c, machine);
        ShellTable t = new ShellTable();
        for (String col : new String[] {"Grant", "Source", "Service", "Port", "Reach at", "Expires", "State"}) {
            t.column(col);
        }
        a.grants().forEach(g -> t.addRow().addContent(g.id(), g.source(), g.service(), g.protocol() + "/" + g.port(),
            g.externalPort() == null ? a.internalIp() + ":" + g.port()
                : a.forwards().stream().filter(f -> f.externalPort() == g.externalPort()).findFirst()
                    .map(f -> f.publicAddress() + ":" + f.externalPort()).orElse(String.valueOf(g.externalPort())),
            s(g.expiresAt()), g.state()));
        print(a, t);
    }
}
