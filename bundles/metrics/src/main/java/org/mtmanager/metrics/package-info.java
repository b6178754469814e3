/**
 * The platform's metrics endpoint: the collectors that the installed domains register (a whiteboard), scraped
 * together and written in Prometheus' text format at {@code /metrics}.
 */
package org.mtmanager.metrics;
