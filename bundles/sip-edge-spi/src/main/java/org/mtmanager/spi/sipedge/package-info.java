/**
 * The SIP edge backend extension point. A backend bundle implements {@link
 * org.mtmanager.spi.sipedge.SipEdgeBackend}, registers it as an OSGi service with the property {@code
 * mtm.sipedge=<type>} (for example {@code kamailio}), and depends on this package alone; {@code
 * etc/org.mtmanager.sipedge.cfg} chooses the backend.
 *
 * <p>The edge is the SIP server that carriers send their calls to. It admits the carriers' sources only, takes the
 * longest prefix of the called number (E.164) that the DID table routes, and relays the call to that machine's
 * internal address, staying in the path of the dialog. The platform hands the edge its table as plain values
 * ({@link org.mtmanager.spi.sipedge.EdgeTable}): {@code load} replaces all of it (at start, on demand and to repair
 * drift), {@code put} and {@code remove} change a few routes and {@code carriers} the admitted sources, and
 * {@code state} reads back what the edge holds, with the generation of the last load, so that an edge that
 * restarted (and lost or kept an old table) is seen and loaded again. The call path itself never calls the
 * platform: the edge routes from its own memory.
 */
@Version("1.0.0")
package org.mtmanager.spi.sipedge;

import org.osgi.annotation.versioning.Version;
