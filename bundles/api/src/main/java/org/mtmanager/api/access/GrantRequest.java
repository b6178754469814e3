package org.mtmanager.api.access;

import java.time.Instant;

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
}
