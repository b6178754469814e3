/**
 * The caller's scope, which every domain applies before it reads or writes: which accounts a caller sees (its
 * own subtree), which role may do what, and what an API token's scopes allow. It is the one low place where
 * authorisation lives, so that the domains (tenant model, machines, access, billing) depend on it and never on
 * each other for it.
 */
@Version("1.1.0")
package org.mtmanager.platform.scope;

import org.osgi.annotation.versioning.Version;
