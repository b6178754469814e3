/**
 * Transactions over the platform's database. {@link org.mtmanager.store.Store} runs a unit of work in one
 * transaction and translates the database's complaints (a duplicate key, a concurrent change) into {@link
 * org.mtmanager.api.MtmException}s. In Karaf the store is a DS service over the {@code mtm} persistence unit;
 * outside OSGi the test-jar's {@code org.mtmanager.store.testing.JpaStores} builds one for tests and benchmarks.
 */
@Version("1.0.0")
package org.mtmanager.store;

import org.osgi.annotation.versioning.Version;
