/**
 * The firewall backend extension point. A backend bundle implements {@link
 * org.mtmanager.spi.firewall.FirewallBackend}, registers it as an OSGi service with the property {@code
 * mtm.firewall=<type>} (for example {@code nftables} or {@code iptables}), and depends on this package alone;
 * {@code etc/org.mtmanager.firewall.cfg} chooses the backend.
 *
 * <p>The platform compiles its database (port forwards and service grants of machines) into a {@link
 * org.mtmanager.spi.firewall.Policy} of plain values and hands it over:
 * <ul>
 * <li>{@code apply} replaces everything the backend holds for the platform with a policy, atomically where the
 * backend can (at start, on demand, and to repair drift);</li>
 * <li>{@code add} and {@code remove} change a few entries without touching the rest (one grant or revoke);</li>
 * <li>{@code installed} reads back what is really in place, for reconciliation;</li>
 * <li>{@code cut} ends established connections that a revoked entry had allowed.</li>
 * </ul>
 * Every call is idempotent. A backend keeps nothing of its own beyond what it installs (a long-lived helper
 * process is a cache of a way to install, never of state). {@link org.mtmanager.spi.firewall.Commands} runs the
 * tools of a packet filter in the configured namespace, with timeouts.
 *
 * <p>IPv6: grants may come from IPv6 sources, while machines have IPv4 addresses only. Packet filters do not
 * translate between the families, so a backend enforces an IPv6 grant towards the machine's NAT64 address
 * ({@link org.mtmanager.spi.firewall.Nat64}), which the edge's own translator carries to IPv4; with {@code
 * publicAddress6} set, port forwards also listen on the edge's public IPv6 address.
 */
@Version("1.0.0")
package org.mtmanager.spi.firewall;

import org.osgi.annotation.versioning.Version;
