/**
 * The web portal: a static single-page application (HTML, CSS, ES modules under {@code portal/} in this bundle)
 * served at {@code /mtm/portal/} by the platform's own HTTP service. It has no server-side logic of its own and
 * talks only to the REST API, so everything it shows or changes goes through the same authorisation and audit as
 * any other client. Nothing is exported.
 */
package org.mtmanager.portal;
