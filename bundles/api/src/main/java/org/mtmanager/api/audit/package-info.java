/**
 * The audit log: who did what, when, from which address, to which target, and with what outcome, refusals
 * included. It is append-only and hash-chained: each entry's hash covers its content and the previous entry's
 * hash, so {@link org.mtmanager.api.audit.AuditService#verify} detects any entry altered or removed in storage.
 * Each user reads the entries that concern its own subtree.
 */
@Version("1.0.0")
package org.mtmanager.api.audit;

import org.osgi.annotation.versioning.Version;
