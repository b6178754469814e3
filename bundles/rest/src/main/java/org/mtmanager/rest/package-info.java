/**
 * The REST/JSON facade at {@code /mtm/api/v1}: thin JAX-RS resources over the API services, one authentication
 * filter (portal whitelist, then HTTP Basic), one JSON mapping and one set of exception mappers, so every
 * resource answers errors as {@code {"error", "message", "field"}} with the status of its {@link
 * org.mtmanager.api.ErrorCode}. Nothing is exported.
 */
package org.mtmanager.rest;
