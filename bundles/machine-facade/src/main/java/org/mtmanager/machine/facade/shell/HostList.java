package org.mtmanager.machine.facade.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.Caller;
import org.mtmanager.api.host.Host;
import org.mtmanager.api.host.HostService;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "host-list", description = "List the hypervisor hosts, their use, and why any cannot take machines (platform administrators)")
public class HostList extends MtmCommand {
    @Reference HostService hosts;

    @Override
    protected void run(Caller c) {
        List<Host> list = hosts.list(c);
        ShellTable t = new ShellTable();
        t.column("Name");
        t.column("Driver");
        t.column("Network");
        t.column("Machines");
        t.column("vCPU used");
        t.column("Memory MB used");
        t.column("Disk GB used");
        t.column("Problems");
        list.forEach(h -> t.addRow().addContent(h.name(), h.driverType(), h.network(), h.machines(),
            h.usedVcpu() + "/" + h.vcpu(), h.usedMemoryMb() + "/" + h.memoryMb(), h.usedDiskGb() + "/" + h.diskGb(),
            h.usable() ? "none" : String.join("; ", h.problems())));
        print(list, t);
    }
}
