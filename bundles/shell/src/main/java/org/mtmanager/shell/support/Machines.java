package org.mtmanager.shell.support;

import java.util.List;

import org.mtmanager.api.Caller;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.machine.Machine;
import org.mtmanager.api.machine.MachineQuery;
import org.mtmanager.api.machine.MachineService;

/**
 * How a console command names a machine, by id or by hostname, for every domain whose commands take one (machines'
 * own, and the DID routes and grants of network access). Static over the service a command was given, so that this
 * bundle's commands wait for no machine service.
 */
public final class Machines {

    private Machines() {
    }

    /** A machine by id, or by hostname among the caller's machines. */
    public static Machine find(MachineService machines, Caller c, String idOrHostname) {
        if (idOrHostname.matches("\\d{1,18}")) {
            return machines.get(c, Long.parseLong(idOrHostname));
        }
        return machines.list(c, new MachineQuery(null, null, idOrHostname), PageRequest.first(100)).items().stream()
            .filter(m -> m.hostname().equals(idOrHostname)).findFirst()
            .orElseThrow(() -> MtmException.notFound("machine", idOrHostname));
    }

    /** The hostnames of the machines the caller sees, for completion. */
    public static List<String> hostnames(MachineService machines, Caller c) {
        return machines.list(c, MachineQuery.ALL, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
            .map(Machine::hostname).toList();
    }
}
