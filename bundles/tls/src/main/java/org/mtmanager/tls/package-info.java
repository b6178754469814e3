/**
 * TLS by default: a self-signed certificate made on first start (unless an operator installed one), HTTPS through
 * Pax Web, and plain HTTP kept to loopback clients. Nothing is exported; the bundle works through Config Admin and
 * a Jetty customizer service.
 */
package org.mtmanager.tls;
