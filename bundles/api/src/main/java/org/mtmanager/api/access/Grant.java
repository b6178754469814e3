package org.mtmanager.api.access;

import java.time.Instant;

/**
 * A service grant.
 *
 * @param service      the service's name (web, ssh, ... or the custom service's own name)
 * @param port         the service's port on the machine
 * @param externalPort where the platform's public address forwards to it; null for web and https
 */
public record Grant(long id, long machineId, String source, String service, String protocol, int port,
                    Integer externalPort, Instant expiresAt, GrantState state, String createdBy, Instant createdAt) {
}
