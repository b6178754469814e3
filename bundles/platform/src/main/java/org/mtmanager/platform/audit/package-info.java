/**
 * The audit log's writer: every domain appends its events here, in the transaction of the change it records,
 * to the one hash-chained log (see {@link org.mtmanager.api.audit}). Reading and verifying the log is the tenant
 * model's {@code AuditService}.
 */
@Version("1.0.0")
package org.mtmanager.platform.audit;

import org.osgi.annotation.versioning.Version;
