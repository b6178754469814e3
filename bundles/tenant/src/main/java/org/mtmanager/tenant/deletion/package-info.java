/**
 * How another domain takes part in an account's deletion: an {@link org.mtmanager.tenant.deletion.AccountDeletion}
 * step, named by {@link org.mtmanager.tenant.deletion.AccountDeletionStep}, says what of its domain still lives under
 * the account and releases what only served it, in the deletion's own transaction. The one package the tenant model
 * exports, so that the domains above it (machines, network access, billing, and any a third party adds) depend on
 * this and on nothing else of the tenant model.
 */
@Version("1.0.0")
package org.mtmanager.tenant.deletion;

import org.osgi.annotation.versioning.Version;
