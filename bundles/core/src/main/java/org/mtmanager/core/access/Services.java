package org.mtmanager.core.access;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.access.GrantRequest;
import org.mtmanager.core.util.Fields;

/** The services a grant may name, and the rule that SIP is never one of them. */
final class Services {
    /** A service resolved from a request: its key (unique per machine), protocol and port on the machine. */
    record Service(String name, String protocol, int port, boolean web) {
        /** The key a forward is kept under: one port per machine and service. */
        String key() {
            return name + "/" + protocol + "/" + port;
        }
    }

    static final Map<String, Service> WELL_KNOWN = Map.of(
        "web", new Service("web", "tcp", 80, true),
        "https", new Service("https", "tcp", 443, true),
        "ssh", new Service("ssh", "tcp", 22, false),
        "telnet", new Service("telnet", "tcp", 23, false),
        "provisioning", new Service("provisioning", "udp", 69, false));
    static final List<Integer> SIP_PORTS = List.of(5060, 5061);

    private Services() {
    }

    /** @throws MtmException naming the field and the rule; FORBIDDEN for any attempt at SIP */
    static Service resolve(GrantRequest r) {
        String service = Fields.required("service", r.service()).strip().toLowerCase(Locale.ROOT);
        if (service.equals("sip")) {
            throw sipLocked();
        }
        if (WELL_KNOWN.containsKey(service)) {
            return WELL_KNOWN.get(service);
        }
        if (!service.equals("custom")) {
            throw MtmException.invalid("service", "must be one of web, https, ssh, telnet, provisioning, custom");
        }
        String name = Fields.required("name", r.name()).strip().toLowerCase(Locale.ROOT);
        if (!name.matches("[a-z][a-z0-9-]{0,29}")) {
            throw MtmException.invalid("name", "must be 1 to 30 lower-case letters, digits or '-', starting with a letter");
        }
        if (name.equals("sip")) {
            throw sipLocked();
        }
        if (WELL_KNOWN.containsKey(name)) {
            throw MtmException.invalid("name", "is a well-known service; grant '" + name + "' itself");
        }
        if (r.port() == null || r.port() < 1 || r.port() > 65535) {
            throw MtmException.invalid("port", "must be between 1 and 65535");
        }
        if (SIP_PORTS.contains(r.port())) {
            throw sipLocked();
        }
        String protocol = Fields.required("protocol", r.protocol()).strip().toLowerCase(Locale.ROOT);
        if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            throw MtmException.invalid("protocol", "must be tcp or udp");
        }
        return new Service(name, protocol, r.port(), false);
    }

    static MtmException sipLocked() {
        return new MtmException(ErrorCode.FORBIDDEN, "service",
            "service: SIP is locked; it reaches machines only through the platform's own SIP path");
    }
}
