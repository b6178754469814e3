package org.mtmanager.access.facade.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.mtmanager.api.Caller;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.did.DidRouteService;
import org.mtmanager.api.machine.Machine;
import org.mtmanager.api.machine.MachineService;
import org.mtmanager.shell.support.Machines;
import org.mtmanager.shell.support.MtmCommand;

/**
 * What the DID commands share: the DID table, machines by id or hostname, and files. Only a platform
 * administrator, who runs the server, reads or writes files on the server; everyone else pipes a file in and
 * redirects an export out on their own side of the console.
 */
public abstract class DidCommand extends MtmCommand {

    @Reference
    protected DidRouteService dids;

    @Reference
    protected MachineService machines;

    /** A machine by id, or by hostname among the caller's machines. */
    protected Machine machine(Caller c, String idOrHostname) {
        return Machines.find(machines, c, idOrHostname);
    }

    protected static void requireServerFiles(Caller c) {
        if (!c.isPlatformAdmin()) {
            throw MtmException.forbidden("only a platform administrator reads or writes files on the server; "
                + "pipe the file into the command instead (or redirect its output)");
        }
    }

    protected static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
