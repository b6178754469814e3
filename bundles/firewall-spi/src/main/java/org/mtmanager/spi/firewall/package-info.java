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
 * Every call is idempotent. A backend keeps nothing of its own beyond what it installs.
 */
package org.mtmanager.spi.firewall;
