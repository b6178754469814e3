/**
 * TLS by default: a self-signed certificate made on first start (unless an operator installed one), HTTPS through
 * Pax Web, and plain HTTP kept to loopback clients; and the API's error document for what Jetty refuses by itself.
 * Nothing is exported; the bundle works through Config Admin, a Jetty customizer service and a Jetty handler
 * service.
 */
package org.mtmanager.tls;
