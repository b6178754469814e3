/**
 * How another domain takes part in a machine's deletion: a {@link org.mtmanager.machine.deletion.MachineDeletion}
 * hook, named by {@link org.mtmanager.machine.deletion.DeletionStep}, releases what the machine held (its grants,
 * its DID routes) in the deletion's own transaction. The one package the machines bundle exports, so that the
 * domains above it (network access, and any a third party adds) depend on this and on nothing else of machines.
 */
@Version("1.0.0")
package org.mtmanager.machine.deletion;

import org.osgi.annotation.versioning.Version;
