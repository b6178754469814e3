/**
 * The SIP edge: the platform's own SIP server, where carriers send their calls. It admits the carriers' addresses
 * (the platform setting {@code sip.carriers}), routes each call by the DID table (longest prefix of the called
 * number, in E.164) to the machine's internal address, and stays in the dialog's path; machines take SIP from the
 * edge alone. Its status and its sync (a full reload of its table) are for platform administrators.
 */
@Version("1.0.0")
package org.mtmanager.api.sipedge;

import org.osgi.annotation.versioning.Version;
