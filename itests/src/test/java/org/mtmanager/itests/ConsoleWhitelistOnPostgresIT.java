package org.mtmanager.itests;

import org.junit.Rule;

/** The console's whitelist and its audit once more, on PostgreSQL instead of the embedded Derby. */
public class ConsoleWhitelistOnPostgresIT extends ConsoleWhitelistIT {
    @Rule
    public final PostgresDatabase database = new PostgresDatabase();

    @Override
    protected void database(Distribution d) throws Exception {
        database.use(d);
    }
}
