package org.mtmanager.api.audit;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;

/** Reads, verifies and exports the audit log. Entries are written by the services themselves. */
public interface AuditService {

    /** The entries concerning the caller's subtree, newest first. */
    Page<AuditEntry> list(Caller caller, AuditQuery query, PageRequest page);

    /** Recomputes the whole chain (platform administrators only). */
    ChainVerification verify(Caller caller);

    /** The entries the caller may read, oldest first, as CSV with a header line. */
    String exportCsv(Caller caller, AuditQuery query);
}
