/**
 * Asynchronous jobs: every long machine operation runs as a persisted job with an id, a step, a percentage and
 * a result or error, that survives a restart of the platform (it is resumed, never left half-done).
 */
@Version("1.0.0")
package org.mtmanager.api.job;

import org.osgi.annotation.versioning.Version;
