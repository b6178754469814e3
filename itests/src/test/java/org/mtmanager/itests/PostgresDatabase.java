package org.mtmanager.itests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

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

    /** A look at the server's sessions on this database, from the server's own {@code postgres} database. */
    Sessions sessions() throws SQLException {
        PostgresServer pg = PostgresServer.get();
        return new Sessions(DriverManager.getConnection(pg.url("postgres") + "?user=" + pg.user()), name);
    }

    /** What PostgreSQL shows of the clients connected to one database: one backend process per connection. */
    static final class Sessions implements AutoCloseable {
        private final Connection connection;
        private final String database;

        private Sessions(Connection connection, String database) {
            this.connection = connection;
            this.database = database;
        }

        /** The process ids of the backends connected to the database now. */
        Set<Integer> backends() throws SQLException {
            return pids("SELECT pid FROM pg_stat_activity WHERE datname = ? AND backend_type = 'client backend'");
        }

        /** Ends every backend connected to the database with {@code pg_terminate_backend}; their pids. */
        Set<Integer> terminate() throws SQLException {
            // One by one, after choosing them: in a single query PostgreSQL may call the function before it filters
            // the rows by database, and end every other session of the server too.
            Set<Integer> pids = backends();
            try (PreparedStatement s = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
                for (int pid : pids) {
                    s.setInt(1, pid);
                    s.executeQuery().close();
                }
            }
            return pids;
        }

        /** How many advisory locks sessions on the database hold. */
        int advisoryLocks() throws SQLException {
            try (PreparedStatement s = connection.prepareStatement("SELECT count(*) FROM pg_locks l JOIN pg_database d "
                + "ON d.oid = l.database WHERE l.locktype = 'advisory' AND l.granted AND d.datname = ?")) {
                s.setString(1, database);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        }

        private Set<Integer> pids(String sql) throws SQLException {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                s.setString(1, database);
                Set<Integer> pids = new HashSet<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        pids.add(rs.getInt(1));
                    }
                }
                return pids;
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
