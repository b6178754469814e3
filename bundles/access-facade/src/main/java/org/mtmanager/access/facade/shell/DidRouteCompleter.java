package org.mtmanager.access.facade.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.did.DidRouteQuery;
import org.mtmanager.api.did.DidRouteService;
import org.mtmanager.api.user.AuthService;
import org.mtmanager.shell.support.Completers;
import org.mtmanager.shell.support.ConsoleCaller;

/** Numbers of the DID routes the console's user sees. */
@Service
public class DidRouteCompleter implements Completer {
    @Reference AuthService auth;
    @Reference DidRouteService dids;

    @Override
    public int complete(Session session, CommandLine line, List<String> candidates) {
        return Completers.complete(dids.list(ConsoleCaller.of(auth), DidRouteQuery.ALL,
            PageRequest.first(PageRequest.MAX_LIMIT)).items().stream().map(r -> r.number()).toList(), session, line, candidates);
    }
}
