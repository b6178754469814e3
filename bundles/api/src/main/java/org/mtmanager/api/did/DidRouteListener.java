package org.mtmanager.api.did;

import java.util.Set;

/**
 * Hears, after their commit, of the DID table's changes made on this node (routes created, changed, deleted,
 * imported, or gone with their machine), so that what routes calls by the table outside the database (the SIP
 * edge) follows at once instead of reading the whole table again. A listener is a service; it must return at
 * once (it is called on the thread that made the change). Changes made on other nodes are not heard: a listener
 * also compares its copy with the database from time to time.
 */
public interface DidRouteListener {
    /**
     * @param numbers the numbers (prefixes, with their +) whose route changed; empty when too many changed to name
     *                them one by one (an import): then the whole table may have changed
     */
    void routesChanged(Set<String> numbers);
}
