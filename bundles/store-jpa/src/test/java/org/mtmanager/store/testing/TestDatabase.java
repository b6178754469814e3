package org.mtmanager.store.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;

import javax.persistence.EntityManagerFactory;

import org.mtmanager.store.JpaStore;
import org.mtmanager.store.SchemaMigrations;

/** One test's own database (see {@link TestDatabases}); {@link #close()} drops it. */
public final class TestDatabase implements AutoCloseable {
    private static String postgresTemplate;
    private static Path derbyTemplate;

    private final String url;
    private final String user;
    private final String postgresName;
    private final boolean migrated;

    private TestDatabase(String url, String user, String postgresName, boolean migrated) {
        this.url = url;
        this.user = user;
        this.postgresName = postgresName;
        this.migrated = migrated;
    }

    static TestDatabase derby(String purpose) {
        return new TestDatabase("jdbc:derby:memory:mtmut_" + TestDatabases.name(purpose) + ";create=true", null, null, false);
    }

    static TestDatabase postgres(String purpose) {
        PostgresServer server = PostgresServer.get();
        String name = server.createDatabase("mtmut_" + purpose);
        return new TestDatabase(server.url(name), server.user(), name, false);
    }

    /** A copy of a database migrated once per JVM: a migration takes seconds, a copy a fraction of one. */
    static TestDatabase derbyMigrated(String purpose) {
        String name = "mtmut_" + TestDatabases.name(purpose);
        try {
            DriverManager.getConnection("jdbc:derby:memory:" + name + ";createFrom=" + derbyTemplate()).close();
        } catch (SQLException e) {
            throw new IllegalStateException("could not copy the migrated Derby database: " + e.getMessage(), e);
        }
        return new TestDatabase("jdbc:derby:memory:" + name + ";create=true", null, null, true);
    }

    static TestDatabase postgresMigrated(String purpose) {
        PostgresServer server = PostgresServer.get();
        String name = server.createDatabase("mtmut_" + purpose, postgresTemplate(server));
        return new TestDatabase(server.url(name), server.user(), name, true);
    }

    private static synchronized Path derbyTemplate() throws SQLException {
        if (derbyTemplate == null) {
            try {
                Path dir = Files.createTempDirectory("mtmut-derby-template-");
                String db = dir.resolve("db").toString();
                try (Connection c = DriverManager.getConnection("jdbc:derby:" + db + ";create=true")) {
                    SchemaMigrations.migrate(c);
                    try (Statement s = c.createStatement()) {
                        s.execute("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE('" + dir.resolve("backup") + "')");
                    }
                }
                shutDownDerby("jdbc:derby:" + db + ";shutdown=true");
                derbyTemplate = dir.resolve("backup").resolve("db");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            } catch (IOException e) {
                throw new IllegalStateException("no temporary directory for the Derby template: " + e.getMessage(), e);
            }
        }
        return derbyTemplate;
    }

    private static synchronized String postgresTemplate(PostgresServer server) {
        if (postgresTemplate == null) {
            String name = server.createDatabase("mtmut_template");
            try (Connection c = DriverManager.getConnection(server.url(name), server.user(), "")) {
                SchemaMigrations.migrate(c);
            } catch (SQLException e) {
                throw new IllegalStateException("could not migrate the PostgreSQL template: " + e.getMessage(), e);
            }
            postgresTemplate = name;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.dropDatabase(name)));
        }
        return postgresTemplate;
    }

    public boolean isPostgres() {
        return postgresName != null;
    }

    public String url() {
        return url;
    }

    /** Null for Derby. */
    public String user() {
        return user;
    }

    /** A plain JDBC connection to it (the caller closes it). */
    public Connection connection() throws SQLException {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, "");
    }

    /** An entity manager factory of the {@code mtm} unit on it, its schema migrated first (as the server does). */
    public EntityManagerFactory factory() {
        String password = user == null ? null : "";
        return migrated ? JpaStores.connect(url, user, password, Map.of()) : JpaStores.factory(url, user, password);
    }

    public JpaStore store() {
        return new JpaStore(factory());
    }

    @Override
    public void close() {
        if (postgresName != null) {
            PostgresServer.get().dropDatabase(postgresName);
            return;
        }
        shutDownDerby(url.substring(0, url.indexOf(';')) + ";drop=true");
    }

    private static void shutDownDerby(String url) {
        try {
            DriverManager.getConnection(url).close();
        } catch (SQLException e) {
            // Derby reports a successful drop (08006) or shutdown (08006, XJ015) as an exception.
            if (!"08006".equals(e.getSQLState()) && !"XJ015".equals(e.getSQLState())) {
                throw new IllegalStateException("could not close " + url + ": " + e.getMessage(), e);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // the JVM is going; a left-over directory is in the temporary directory
            System.err.println("could not remove " + dir + ": " + e.getMessage());
        }
    }
}
