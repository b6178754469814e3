/**
 * Service grants, port forwards and the firewall (see {@link org.mtmanager.api.access}): the database is the
 * truth, compiled into a {@link org.mtmanager.spi.firewall.Policy} for the configured backend. A grant is stored
 * first (PENDING), pushed as one element change, and marked ACTIVE once the backend has it; when the backend
 * fails, a background sync retries until it holds the whole policy again, so nothing is lost or silently dropped.
 */
package org.mtmanager.access;
