package org.mtmanager.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import org.mtmanager.store.testing.PostgresServer;
import org.ops4j.pax.exam.Option;

/**
 * Points a distribution at a fresh PostgreSQL database through its datasource config alone, as an operator does.
 * Used outside the container only (from a test's {@code @Configuration}): the probe has no PostgreSQL classes.
 */
final class PostgresDataSource {
    private static final String CFG = "etc/org.ops4j.datasource-mtm.cfg";

    private PostgresDataSource() {
    }

    /** A new database (dropped when this JVM ends) and the options that make the distribution use it. */
    static Option[] fresh(String prefix) {
        PostgresServer server = PostgresServer.get();
        String db = server.createDatabase(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.dropDatabase(db)));
        return new Option[] {
            editConfigurationFilePut(CFG, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"),
            editConfigurationFilePut(CFG, "url", server.url(db)),
            editConfigurationFilePut(CFG, "user", server.user()),
            editConfigurationFilePut(CFG, "password", ""),
            editConfigurationFilePut(CFG, "dataSourceName", "mtm"),
        };
    }
}
