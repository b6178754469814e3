package org.mtmanager.api.did;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;

/**
 * The DID table, as seen and managed from the caller's subtree. The package documentation gives the number
 * format, what counts as ambiguous, the CSV format and who may do what.
 */
public interface DidRouteService {

    /** Routes of the machines in the caller's subtree, by number. */
    Page<DidRoute> list(Caller caller, DidRouteQuery query, PageRequest page);

    DidRoute get(Caller caller, long id);

    /** The route with exactly this prefix (not a longest-prefix match), or NOT_FOUND. */
    DidRoute find(Caller caller, String number);

    /** The route a number goes to, by longest prefix, or NOT_FOUND when it is not routed in the caller's scope. */
    DidMatch lookup(Caller caller, String number);

    DidRoute create(Caller caller, DidRouteDraft draft);

    DidRoute update(Caller caller, long id, DidRouteDraft change);

    void delete(Caller caller, long id);

    /** The caller's visible routes as CSV, by number. */
    String exportCsv(Caller caller);

    /**
     * Applies a CSV file as one change, or nothing of it when any line is bad
     * ({@link org.mtmanager.api.BadFileException}).
     *
     * @param replace also remove the caller's routes that the file does not name
     */
    DidImport importCsv(Caller caller, String csv, boolean replace);
}
