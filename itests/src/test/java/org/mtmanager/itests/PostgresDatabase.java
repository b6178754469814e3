package org.mtmanager.itests;

import org.junit.rules.ExternalResource;
import org.mtmanager.store.testing.PostgresServer;

/**
 * A PostgreSQL database of the test's own ({@code mtmit_} prefix) on the tests' server ({@code MTM_TEST_PG}, or a
 * private one), made before the test and dropped after it, for a distribution to run on.
 */
final class PostgresDatabase extends ExternalResource {
    private String name;

    @Override
    protected void before() {
        name = PostgresServer.get().createDatabase("mtmit");
    }

    @Override
    protected void after() {
        PostgresServer.get().dropDatabase(name);
    }

    /** Points the distribution at this database, as the README's datasource configuration does. */
    void use(Distribution d) throws Exception {
        d.onPostgres(PostgresServer.get().url(name), PostgresServer.get().user());
    }
}
