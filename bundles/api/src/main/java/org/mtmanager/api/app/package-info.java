/**
 * The apps catalog (cloudphone, statexplorer, ...): add-ons activated per machine, each licensed per machine or
 * per user for billing. The platform administrator manages the catalog; every user reads it.
 */
@Version("1.0.0")
package org.mtmanager.api.app;

import org.osgi.annotation.versioning.Version;
