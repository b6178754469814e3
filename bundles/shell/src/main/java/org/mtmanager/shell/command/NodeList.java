package org.mtmanager.shell.command;

import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.Caller;
import org.mtmanager.api.Page;
import org.mtmanager.api.node.Node;
import org.mtmanager.api.node.NodeService;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "node-list", description = "List the server nodes, their state (UP, DOWN, STOPPED) and the jobs and duties each holds (platform administrators)")
public class NodeList extends MtmCommand {
    @Reference NodeService nodes;

    @Override
    protected void run(Caller c) {
        Page<Node> page = nodes.list(c);
        ShellTable t = new ShellTable();
        t.column("Name");
        t.column("State");
        t.column("Address");
        t.column("Version");
        t.column("Started");
        t.column("Heartbeat");
        t.column("Jobs");
        t.column("Duties");
        page.items().forEach(n -> t.addRow().addContent(n.name(), n.state(), n.address(), n.version(), n.startedAt(),
            n.heartbeatAt(), n.jobs().isEmpty() ? "none" : n.jobs().stream().map(String::valueOf).collect(Collectors.joining(", ")),
            n.duties().isEmpty() ? "none" : String.join(", ", n.duties())));
        print(page, t);
    }
}
