package org.mtmanager.access;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.access.GrantRequest;
import org.mtmanager.platform.util.Fields;

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
    /** The service a custom grant names, with its own name, port and protocol. */
    static final String CUSTOM = "custom";
    static final List<Integer> SIP_PORTS = List.of(5060, 5061);

    private Services() {
    }

    /** @throws MtmException naming the field and the rule; FORBIDDEN for any attempt at SIP */
    static Service resolve(GrantRequest r) {
        String service = Fields.required("service", r.service()).strip().toLowerCase(Locale.ROOT);
        if (service.equals("sip")) {
            throw sipLocked();
        }
        // What a well-known service ignores is still checked: a request the document calls out of contract is refused.
        Fields.text(GrantRequest.NAME, r.name() == null ? null : r.name().toLowerCase(Locale.ROOT));
        Fields.number(GrantRequest.PORT, r.port());
        Fields.text(GrantRequest.PROTOCOL, r.protocol() == null ? null : r.protocol().toLowerCase(Locale.ROOT));
        if (WELL_KNOWN.containsKey(service)) {
            return WELL_KNOWN.get(service);
        }
        if (!Fields.text(GrantRequest.SERVICE, service).equals(CUSTOM)) {
            throw new IllegalStateException("service " + service + " is declared but not known");
        }
        String name = Fields.text(GrantRequest.NAME.mandatory(), r.name() == null ? null : r.name().toLowerCase(Locale.ROOT));
        if (name.equals("sip")) {
            throw sipLocked();
        }
        if (WELL_KNOWN.containsKey(name)) {
            throw MtmException.invalid("name", "is a well-known service; grant '" + name + "' itself");
        }
        Fields.number(GrantRequest.PORT.mandatory(), r.port());
        if (SIP_PORTS.contains(r.port())) {
            throw sipLocked();
        }
        String protocol = Fields.text(GrantRequest.PROTOCOL.mandatory(), r.protocol() == null ? null : r.protocol().toLowerCase(Locale.ROOT));
        return new Service(name, protocol, r.port(), false);
    }

    static MtmException sipLocked() {
        return new MtmException(ErrorCode.FORBIDDEN, "service",
            "service: SIP is locked; it reaches machines only through the platform's own SIP path");
    }
}
