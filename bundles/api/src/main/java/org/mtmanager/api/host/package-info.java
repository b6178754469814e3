/**
 * Hypervisor hosts as the platform sees them: configured through Config Admin
 * ({@code etc/org.mtmanager.host-<name>.cfg}), run by a driver bundle, and able or not to take new machines.
 * Only the platform's administrators see hosts; resellers see their machines, never where they run.
 */
@Version("1.0.0")
package org.mtmanager.api.host;

import org.osgi.annotation.versioning.Version;
