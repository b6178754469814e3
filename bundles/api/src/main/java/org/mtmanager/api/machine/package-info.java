/**
 * Customer PBX machines: their lifecycle states and the rules for moving
 * between them, the machine service (drafts, create, stop, start, delete, upgrade, apps, plan changes, totals)
 * and reconciliation with the drivers' inventories.
 */
package org.mtmanager.api.machine;
