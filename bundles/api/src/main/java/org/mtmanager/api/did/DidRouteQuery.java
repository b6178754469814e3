package org.mtmanager.api.did;

/**
 * Filters for listing routes; null means no filter.
 *
 * @param machineId only the routes to this machine
 * @param number    only the routes whose prefix starts with these digits (normalised like a route's number)
 */
public record DidRouteQuery(Long machineId, String number) {
    public static final DidRouteQuery ALL = new DidRouteQuery(null, null);
}
