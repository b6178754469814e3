package org.mtmanager.api.access;

import java.time.Instant;
import java.util.List;

import org.mtmanager.api.field.FieldSpec;

/**
 * A service grant asked for.
 *
 * @param source    an IPv4 or IPv6 address or CIDR block
 * @param service   web, https, ssh, telnet, provisioning, or custom
 * @param name      a custom service's name
 * @param port      a custom service's port on the machine
 * @param protocol  a custom service's protocol: tcp or udp
 * @param expiresAt when the grant is revoked by itself; null for never
 */
public record GrantRequest(String source, String service, String name, Integer port, String protocol, Instant expiresAt) {
    public static final FieldSpec SOURCE = FieldSpec.text("source", 43).mandatory().example("198.51.100.7");
    /** The well-known services, then {@code custom} (SIP is never one: it is locked). */
    public static final FieldSpec SERVICE = FieldSpec.oneOf("service",
        List.of("web", "https", "ssh", "telnet", "provisioning", "custom")).mandatory();
    /** A custom service's name; required with {@code custom}. */
    public static final FieldSpec NAME = FieldSpec.text("name", 30)
        .matching("^[a-z][a-z0-9\\-]{0,29}$", "must be 1 to 30 lower-case letters, digits or '-', starting with a letter")
        .example("rtp-probe");
    public static final FieldSpec PORT = FieldSpec.integer("port", 1, 65_535);
    public static final FieldSpec PROTOCOL = FieldSpec.oneOf("protocol", List.of("tcp", "udp"));
}
