/**
 * The account tree: one PLATFORM root, then operators, resellers and distributors, then customers. Every user
 * belongs to one account and sees only that account's subtree; an id outside it is reported as not found, so
 * a caller cannot even learn that it exists. Each account also carries the portal whitelist of the addresses
 * its users may call the APIs from.
 */
@Version("1.0.0")
package org.mtmanager.api.account;

import org.osgi.annotation.versioning.Version;
