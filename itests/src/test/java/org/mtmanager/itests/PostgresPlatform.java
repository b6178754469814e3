package org.mtmanager.itests;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.tenant.bootstrap.PlatformBootstrap;
import org.mtmanager.tenant.security.SecurityPolicy;
import org.mtmanager.tenant.account.AccountServiceImpl;
import org.mtmanager.store.JpaStore;
import org.mtmanager.store.SchemaMigrations;
import org.mtmanager.store.testing.PostgresServer;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGPoolingDataSource;

/**
 * A bootstrapped platform on a fresh PostgreSQL database (from {@link PostgresServer}), with the core services the
 * PostgreSQL benchmarks call, wired by hand. {@link #factory} is the one place that builds the store's
 * EntityManagerFactory for PostgreSQL.
 */
final class PostgresPlatform implements AutoCloseable {
    /** Connections kept open, as a server's pool would; the benchmarks run one call at a time. */
    static final boolean POOLED = !"false".equals(System.getProperty("mtm.bench.pgPool"));

    final PostgresServer server = PostgresServer.get();
    final String database;
    final EntityManagerFactory emf;
    final JpaStore store;
    final AuditLog audit;
    final PlatformBootstrap boot;
    final AccountServiceImpl accounts;
    final Caller admin;
    private final PGPoolingDataSource pool;

    PostgresPlatform(Path dir) throws IOException {
        database = server.createDatabase("mtmbench");
        try (Connection c = jdbc()) {
            SchemaMigrations.migrate(c);
        } catch (SQLException e) {
            throw new IOException("cannot migrate " + database + ": " + e.getMessage(), e);
        }
        pool = POOLED ? pool(server, database) : null;
        emf = factory(server, database, pool);
        store = new JpaStore(emf);
        audit = new AuditLog(store);
        SecurityPolicy policy = new SecurityPolicy(5, Duration.ofMinutes(15), 10, 1000, Duration.ofSeconds(60));
        boot = new PlatformBootstrap(store, audit, policy, Files.createDirectories(dir));
        accounts = new AccountServiceImpl(store, audit);
        admin = boot.systemCaller(Channel.REST);
    }

    /**
     * The store's EntityManagerFactory on a PostgreSQL database whose schema is migrated (the constructor does it).
     *
     * @param pool the connections to use, or null: one new connection per entity manager
     */
    static EntityManagerFactory factory(PostgresServer server, String database, PGPoolingDataSource pool) {
        Map<String, Object> props = new HashMap<>();
        if (pool != null) {
            props.put("javax.persistence.nonJtaDataSource", pool);
        } else {
            props.put("openjpa.ConnectionDriverName", "org.postgresql.Driver");
            props.put("openjpa.ConnectionURL", server.url(database));
            props.put("openjpa.ConnectionUserName", server.user());
            // The unit names an OSGi service as its data source; here the URL above takes its place.
            props.put("javax.persistence.nonJtaDataSource", "");
        }
        props.put("openjpa.ConnectionFactory2Name", "");
        props.put("openjpa.ConnectionFactoryName", "");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("mtm", props);
        emf.createEntityManager().close();
        return emf;
    }

    @SuppressWarnings("deprecation") // pgjdbc's own small pool is enough for a benchmark's single caller
    private static PGPoolingDataSource pool(PostgresServer server, String database) {
        PGPoolingDataSource ds = new PGPoolingDataSource();
        ds.setDataSourceName("mtmbench-" + database);
        ds.setServerNames(new String[] {server.host()});
        ds.setPortNumbers(new int[] {server.port()});
        ds.setDatabaseName(database);
        ds.setUser(server.user());
        ds.setInitialConnections(2);
        ds.setMaxConnections(8);
        return ds;
    }

    /** A plain JDBC connection to the database, for loading rows. */
    Connection jdbc() throws SQLException {
        return DriverManager.getConnection(server.url(database) + "?user=" + server.user());
    }

    /** Loads CSV text into a table's columns with PostgreSQL's COPY; returns the rows copied. */
    static long copy(Connection c, String table, String columns, CharSequence csv) throws SQLException, IOException {
        return c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)",
            new StringReader(csv.toString()));
    }

    /** What the query planner does with {@code sql}, one line per plan node. */
    static String explain(Connection c, String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (var rs = c.createStatement().executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            while (rs.next()) {
                out.append("\n    ").append(rs.getString(1));
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        emf.close();
        if (pool != null) {
            pool.close();
        }
        server.dropDatabase(database);
    }
}
