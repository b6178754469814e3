/**
 * Resource plans: the machine sizes (L, M, S, SS by default) that fix vCPU, memory, disk and the licence
 * maximums. Plans are ordered by tier, and a higher tier never offers less than a lower one. A plan belongs to
 * the platform or to an operator, and is visible to that account's subtree.
 */
@Version("1.0.0")
package org.mtmanager.api.plan;

import org.osgi.annotation.versioning.Version;
