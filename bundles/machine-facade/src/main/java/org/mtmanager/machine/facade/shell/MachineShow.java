package org.mtmanager.machine.facade.shell;

import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.machine.Machine;
import org.mtmanager.shell.support.JsonOut;

@Service
@Command(scope = "mtm", name = "machine-show", description = "Show one machine and its latest jobs")
public class MachineShow extends MachineCommand {
    @Argument(index = 0, name = "machine", required = true, description = "Machine id or hostname")
    String machine;

    @Override
    protected void run(Caller c) {
        Machine m = machine(c, machine);
        var recent = jobs.list(c, m.id(), PageRequest.first(5)).items();
        if (json) {
            out().println(JsonOut.write(Map.of("machine", m, "jobs", recent)));
            return;
        }
        ShellTable t = new ShellTable();
        t.column("Field");
        t.column("Value");
        t.addRow().addContent("id / serial", m.id() + " / " + m.serial());
        t.addRow().addContent("hostname", m.hostname());
        t.addRow().addContent("state", m.state() + (m.driverAvailable() ? "" : " (driver unavailable)"));
        t.addRow().addContent("customer", m.customer().company() + ", " + m.customer().contact() + ", " + m.customer().email());
        t.addRow().addContent("plan", m.planName() + " (" + m.extensions() + " extensions, " + m.tenants() + " tenants, " + m.lines() + " lines)");
        t.addRow().addContent("version", m.pbxVersion());
        t.addRow().addContent("host / ip", m.host() + " (" + m.driverType() + ") / " + m.internalIp());
        t.addRow().addContent("open", m.openUrl());
        t.print(out());
        for (Job j : recent) {
            out().println("job " + j.id() + " " + j.type() + " " + j.state() + " " + (j.error() != null ? j.error() : s(j.result())));
        }
    }
}
