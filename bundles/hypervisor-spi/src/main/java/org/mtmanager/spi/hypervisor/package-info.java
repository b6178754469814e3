/**
 * The hypervisor driver extension point. A driver bundle implements {@link
 * org.mtmanager.spi.hypervisor.HypervisorDriver}, registers it as an OSGi service with the property {@code
 * mtm.driver=<type>} (for example {@code libvirt} or {@code container}), and depends on this package alone.
 *
 * <p>How the platform uses a driver:
 * <ul>
 * <li>Hosts are configured through Config Admin ({@code etc/org.mtmanager.host-<name>.cfg}); each names a driver
 * type and the connection settings the driver reads from {@link org.mtmanager.spi.hypervisor.HostSettings}.</li>
 * <li>Every call names the host and the machine; a driver keeps no platform state of its own, so it can be
 * removed and re-deployed at any time. While a host's driver is absent, its machines show "driver unavailable"
 * and their jobs wait.</li>
 * <li>Calls are idempotent: creating a machine that exists with the same spec, or destroying one that is gone,
 * succeeds. The platform retries and reconciles on that basis.</li>
 * <li>{@link org.mtmanager.spi.hypervisor.HypervisorDriver#inventory} is the driver's truth; reconciliation
 * compares it with the platform's database.</li>
 * </ul>
 * Nothing here names a vendor: a driver is identified by its type string, never an enum.
 */
@Version("1.0.0")
package org.mtmanager.spi.hypervisor;

import org.osgi.annotation.versioning.Version;
