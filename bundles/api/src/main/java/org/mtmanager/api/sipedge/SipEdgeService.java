package org.mtmanager.api.sipedge;

import org.mtmanager.api.Caller;

/** The SIP edge as the platform runs it (platform administrators only). */
public interface SipEdgeService {

    /** What the edge holds against the DID table and the carriers, changing nothing. */
    SipEdgeStatus status(Caller caller);

    /** Compares the edge with the database and, when {@code repair}, loads its whole table again (audited). */
    SipEdgeStatus sync(Caller caller, boolean repair);
}
