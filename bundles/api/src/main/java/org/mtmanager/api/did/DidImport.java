package org.mtmanager.api.did;

/**
 * What an import did.
 *
 * @param routes    the routes in the file
 * @param created   new routes
 * @param updated   routes whose machine or description changed
 * @param unchanged routes already as in the file
 * @param removed   routes removed because the file did not name them (replace only)
 */
public record DidImport(int routes, int created, int updated, int unchanged, int removed) {
}
