/**
 * What a REST resource of the API is made of, for the resources of this bundle and of any other: the marker under
 * which a resource registers ({@link org.mtmanager.rest.support.RestResource}), its parameters' validation in the
 * API's own words ({@link org.mtmanager.rest.support.Params}), its OpenAPI description ({@link
 * org.mtmanager.rest.support.Doc}), CSV and JSON bodies. The filter, mappers and OpenAPI writer the server puts in
 * front of every resource live here too, so that a resource and its document agree.
 */
@Version("1.0.0")
package org.mtmanager.rest.support;

import org.osgi.annotation.versioning.Version;
