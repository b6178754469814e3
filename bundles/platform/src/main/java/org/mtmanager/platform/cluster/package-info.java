/**
 * Several server nodes on one database: this node's identity ({@link org.mtmanager.platform.cluster.LocalNode}),
 * the node rows and their heartbeats, and the database leases through which one node at a time holds a job or a
 * duty, taken over when its node falls silent.
 */
@Version("1.0.0")
package org.mtmanager.platform.cluster;

import org.osgi.annotation.versioning.Version;
