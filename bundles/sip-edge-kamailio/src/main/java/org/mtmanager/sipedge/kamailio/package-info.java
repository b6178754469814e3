/**
 * The Kamailio SIP edge backend: Kamailio run by the platform from the template in {@code etc/}, its DID table an
 * htable and its carriers a shared variable, both pushed over JSON-RPC on a loopback control port. Nothing is
 * exported; the backend registers as {@code mtm.sipedge=kamailio}.
 */
package org.mtmanager.sipedge.kamailio;
