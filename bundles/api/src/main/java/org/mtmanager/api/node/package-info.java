/**
 * The server nodes that share the platform's database: each keeps a row with its heartbeat, and runs the jobs
 * whose lease it holds. A node silent for longer than its lease is DOWN, and its jobs are free for the others.
 * Only the platform's administrators see nodes.
 */
@Version("1.0.0")
package org.mtmanager.api.node;

import org.osgi.annotation.versioning.Version;
