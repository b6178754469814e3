/**
 * The SIP edge's orchestration: this node's edge, run on the backend that {@code etc/org.mtmanager.sipedge.cfg}
 * names, kept in step with the DID table and the {@code sip.carriers} setting. Nothing is exported: the edge is
 * reached through the API's {@link org.mtmanager.api.sipedge.SipEdgeService}, and it hears of committed route changes
 * as a {@link org.mtmanager.api.did.DidRouteListener}.
 */
package org.mtmanager.sipedge;
