package org.mtmanager.itests;

import org.junit.Rule;

/**
 * The newcomer's journey once more, on PostgreSQL instead of the embedded Derby: the one datasource configuration
 * the README gives, on a database of the test's own.
 */
public class NewcomerJourneyOnPostgresIT extends NewcomerJourneyIT {
    @Rule
    public final PostgresDatabase database = new PostgresDatabase();

    @Override
    protected void database(Distribution d) throws Exception {
        database.use(d);
    }
}
