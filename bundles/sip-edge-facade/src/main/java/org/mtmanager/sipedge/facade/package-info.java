/**
 * The SIP edge's facades, thin over the API's {@link org.mtmanager.api.sipedge.SipEdgeService}: the REST resource
 * {@code /sip-edge} ({@code rest}) and the console commands {@code mtm:sip-edge} and {@code mtm:sip-edge-sync}
 * ({@code shell}). They come and go with the {@code mtm-sip-edge} feature. Nothing is exported.
 */
package org.mtmanager.sipedge.facade;
