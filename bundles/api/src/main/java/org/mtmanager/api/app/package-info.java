/**
 * The apps catalog (cloudphone, statexplorer, ...): add-ons activated per machine, each licensed per machine or
 * per user for billing. The platform administrator manages the catalog; every user reads it.
 */
package org.mtmanager.api.app;
