/**
 * Customer PBX machines: their lifecycle states and the rules for moving
 * between them, the machine service (drafts, create, stop, start, delete, upgrade, apps, plan changes, totals)
 * and reconciliation with the drivers' inventories.
 */
@Version("1.0.0")
package org.mtmanager.api.machine;

import org.osgi.annotation.versioning.Version;
