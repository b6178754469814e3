/**
 * The SOAP facade, for operator billing and provisioning systems: JAX-WS services with a stable target namespace
 * ({@code urn:mtmanager:soap:v1}), authenticated by a WS-Security UsernameToken over the platform's users, and
 * faults that carry the same error codes as REST. Thin: every operation is one call to an API service.
 */
package org.mtmanager.soap;
