/**
 * Who may reach a machine's services, and how: service grants (a source IPv4/IPv6 address or block allowed to
 * use a service of a machine, optionally until an expiry), and the port forwards that publish non-web services
 * on the platform's public address (from the locked {@code network.reserved-port-range}; one stable port per
 * machine and service, freed when the machine is deleted). Web and HTTPS are reached on the machine's own
 * address (its {@code openUrl}) and take no forward.
 *
 * <p>SIP is locked: it reaches machines only through the platform's own SIP path ({@code sipEdge} of
 * {@code etc/org.mtmanager.firewall.cfg}); no grant may name it or its ports. A distributor (and its customers)
 * may grant on its machines only the services {@code access.distributor-services} lists (web access by default);
 * the platform, or whichever account holds the distributor, grants any other service on one machine. Whatever a
 * distributor's machine publishes is on high external ports (never below 1024).
 *
 * <p>A grant is PENDING until the firewall backend has installed it, ACTIVE after; it never silently disappears.
 */
@Version("1.0.0")
package org.mtmanager.api.access;

import org.osgi.annotation.versioning.Version;
