package org.mtmanager.machine.facade.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.mtmanager.api.machine.MachineService;
import org.mtmanager.api.user.AuthService;
import org.mtmanager.shell.support.Completers;
import org.mtmanager.shell.support.ConsoleCaller;
import org.mtmanager.shell.support.Machines;

/** Hostnames of the machines the console's user sees. */
@Service
public class MachineCompleter implements Completer {
    @Reference AuthService auth;
    @Reference MachineService machines;

    @Override
    public int complete(Session session, CommandLine line, List<String> candidates) {
        return Completers.complete(Machines.hostnames(machines, ConsoleCaller.of(auth)), session, line, candidates);
    }
}
