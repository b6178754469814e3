package org.mtmanager.machine.facade.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.api.machine.MachineDraft;
import org.mtmanager.api.machine.MachineRequest;

@Service
@Command(scope = "mtm", name = "machine-create", description = "Create a machine (customer data, then create) and follow its job")
public class MachineCreate extends MachineJobCommand {
    @Option(name = "--plan", required = true, description = "Resource plan name or id") String plan;
    @Option(name = "--account", description = "Owner account id (default: yours)") Long account;
    @Option(name = "--company", required = true) String company;
    @Option(name = "--contact", required = true) String contact;
    @Option(name = "--email", required = true) String email;
    @Option(name = "--phone", required = true) String phone;
    @Option(name = "--address", required = true) String address;
    @Option(name = "--tax-id", required = true) String taxId;
    @Option(name = "--extensions") Integer extensions;
    @Option(name = "--tenants") Integer tenants;
    @Option(name = "--lines", description = "Licensed lines (simultaneous calls); default the plan's maximum, required for distributors") Integer lines;
    @Option(name = "--name", description = "Display name") String displayName;

    @Argument(index = 0, name = "hostname", required = true, description = "The machine's hostname (a DNS label)")
    String hostname;

    @Override
    protected void run(Caller c) throws Exception {
        MachineDraft d = machines.saveDraft(c, new MachineRequest(account, hostname, displayName,
            new CustomerData(company, contact, email, phone, address, taxId), plan, extensions, tenants, lines));
        follow(c, machines.create(c, d.id(), key));
    }
}
