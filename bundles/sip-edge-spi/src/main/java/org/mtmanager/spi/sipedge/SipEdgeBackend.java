package org.mtmanager.spi.sipedge;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Routes carriers' calls to machines by DID on one kind of SIP server. Calls may block; they are idempotent. */
public interface SipEdgeBackend {

    /** The OSGi service property that names the backend type. */
    String TYPE_PROPERTY = "mtm.sipedge";

    String type();

    /** Why this backend cannot work with these settings now (a missing program, a port taken), with remedies. */
    List<String> problems(EdgeSettings settings);

    /** Starts the edge unless it runs already; an edge that runs is left as it is, with whatever table it holds. */
    void start(EdgeSettings settings) throws EdgeException;

    /** Stops the edge that this backend started; nothing happens when none runs. */
    void stop(EdgeSettings settings);

    /** Makes the edge hold exactly this table, carriers included, replacing all of it at once where it can. */
    void load(EdgeSettings settings, EdgeTable table) throws EdgeException;

    /** Sets these routes (prefix digits to the machine's internal address), leaving every other one as it is. */
    void put(EdgeSettings settings, Map<String, String> routes) throws EdgeException;

    /** Removes the routes of these prefixes (digits); prefixes already absent are fine. */
    void remove(EdgeSettings settings, Collection<String> prefixes) throws EdgeException;

    /** Admits exactly these sources (IPv4 or IPv6 addresses and CIDRs); none admits no carrier at all. */
    void carriers(EdgeSettings settings, List<String> sources) throws EdgeException;

    /** What the edge holds now; {@link EdgeState#running()} false when it does not answer. */
    EdgeState state(EdgeSettings settings);
}
