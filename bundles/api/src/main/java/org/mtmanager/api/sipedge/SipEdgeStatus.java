package org.mtmanager.api.sipedge;

import java.time.Instant;
import java.util.List;

/**
 * The SIP edge as found.
 *
 * @param backend     the configured backend type (kamailio)
 * @param enabled     whether the platform runs an edge at all ({@code enabled} in its configuration)
 * @param running     whether the edge answers
 * @param listen      where carriers reach it (address:port)
 * @param problems    why it cannot route calls now, each with its remedy; empty when all is well
 * @param drift       what differs between the database and the edge, before any repair
 * @param routes      the DID table's routes in the database
 * @param edgeRoutes  the routes the edge holds
 * @param carriers    the sources the edge admits
 * @param lastLoad    when the edge's whole table was last loaded; null before the first load
 * @param lastLoadMs  how long that load took
 * @param repaired    whether the edge now holds exactly the database's table and carriers
 */
public record SipEdgeStatus(String backend, boolean enabled, boolean running, List<String> listen, List<String> problems,
                            List<String> drift, long routes, long edgeRoutes, List<String> carriers, Instant lastLoad,
                            long lastLoadMs, boolean repaired) {
    public SipEdgeStatus {
        listen = List.copyOf(listen);
        problems = List.copyOf(problems);
        drift = List.copyOf(drift);
        carriers = List.copyOf(carriers);
    }
}
