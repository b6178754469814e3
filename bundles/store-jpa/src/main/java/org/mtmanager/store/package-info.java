/**
 * Transactions over the platform's database. {@link org.mtmanager.store.Store} runs a unit of work in one
 * transaction and translates the database's complaints (a duplicate key, a concurrent change) into {@link
 * org.mtmanager.api.MtmException}s. In Karaf the store is a DS service over the {@code mtm} persistence unit;
 * outside OSGi {@link org.mtmanager.store.JpaStores} builds one on an embedded Derby for tests and benchmarks.
 */
package org.mtmanager.store;
