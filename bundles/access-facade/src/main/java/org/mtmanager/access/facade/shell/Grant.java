package org.mtmanager.access.facade.shell;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.access.AccessService;
import org.mtmanager.api.access.GrantRequest;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "grant", description = "Grant a source (IP or CIDR) a service of a machine: web, https, ssh, telnet, provisioning or custom (SIP is locked)")
public class Grant extends MtmCommand {
    @Reference AccessService access;

    @Argument(index = 0, name = "machine", required = true, description = "Machine id") long machine;
    @Argument(index = 1, name = "source", required = true, description = "IPv4/IPv6 address or CIDR") String source;
    @Argument(index = 2, name = "service", required = true, description = "web, https, ssh, telnet, provisioning or custom") String service;
    @Option(name = "--name", description = "A custom service's name") String name;
    @Option(name = "--port", description = "A custom service's port on the machine") Integer port;
    @Option(name = "--protocol", description = "A custom service's protocol: tcp or udp") String protocol;
    @Option(name = "--expires", description = "When the grant ends by itself (ISO-8601, e.g. 2026-12-01T00:00:00Z)") String expires;

    @Override
    protected void run(Caller c) {
        Instant until = null;
        if (expires != null) {
            try {
                until = Instant.parse(expires.strip());
            } catch (DateTimeParseException e) {
                throw MtmException.invalid("expiresAt", "must be an ISO-8601 instant such as 2026-11-25T10:00:00Z");
            }
        }
        org.mtmanager.api.access.Grant g = access.grant(c, machine, new GrantRequest(source, service, name, port, protocol, until));
        done(g, "Granted " + g.service() + " from " + g.source() + " (grant " + g.id() + ", " + g.state() + ")"
            + (g.externalPort() == null ? "" : "; external port " + g.externalPort()));
    }
}
