package org.mtmanager.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.GlobalConfiguration;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.changelog.visitor.ChangeExecListener;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the platform's schema: the Liquibase changelog {@value #CHANGELOG}, on Derby or PostgreSQL.
 *
 * <p>Nodes that start at once on one database migrate one at a time (see {@link #exclusively}), each under
 * Liquibase's own lock ({@code DATABASECHANGELOGLOCK}) too: each change is applied once, and the others find nothing
 * left to do. A node that dies while migrating holds nothing any more, and the next one takes over.
 * A database made by OpenJPA's {@code buildSchema} before migrations existed is adopted: the baseline's change sets
 * find their tables and are marked ran, and later ones apply on top.
 */
public final class SchemaMigrations {
    public static final String CHANGELOG = "org/mtmanager/store/db/changelog.xml";
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
    /** Seconds between two looks at a lock another node holds (Liquibase's default is 10). */
    private static final long LOCK_POLL_SECONDS = 1;
    /** How long a node waits for another's migration before it gives up. */
    private static final long LOCK_WAIT_MINUTES = 5;
    /** The PostgreSQL advisory lock key of schema migrations (any constant the platform uses for nothing else). */
    private static final long ADVISORY_LOCK = 0x6d746d5f736368L;

    private SchemaMigrations() {
    }

    /** Migrates the database behind {@code dataSource}; returns what it applied, as {@code id (EXECUTED|MARK_RAN)}. */
    public static List<String> migrate(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return migrate(c);
        } catch (SQLException e) {
            throw new IllegalStateException("the database schema could not be migrated: no connection: " + e.getMessage(), e);
        }
    }

    /** Migrates the database of {@code connection} (which the caller closes). */
    public static List<String> migrate(Connection connection) {
        // Liquibase finds its own parts (databases, change types, parsers) with java.util.ServiceLoader through the
        // scope's class loader: its own bundle's, which sees them in OSGi as well as on a plain class path.
        ClassLoader loader = Liquibase.class.getClassLoader();
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.classLoader.name(), loader);
        scope.put(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(SchemaMigrations.class.getClassLoader()));
        // Never reports anything to anyone: the platform's servers may not reach the outside at all.
        scope.put(AnalyticsArgs.ENABLED.getKey(), Boolean.FALSE);
        scope.put(GlobalConfiguration.CHANGELOGLOCK_POLL_RATE.getKey(), LOCK_POLL_SECONDS);
        scope.put(GlobalConfiguration.CHANGELOGLOCK_WAIT_TIME.getKey(), LOCK_WAIT_MINUTES);
        // What Liquibase would print for a person at a terminal goes to the log instead.
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        List<String> applied = Collections.synchronizedList(new ArrayList<>());
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            boolean autoCommit = connection.getAutoCommit();
            try {
                exclusively(connection, () -> Scope.child(scope, (Scope.ScopedRunner<?>) () -> update(connection, applied)));
            } finally {
                // Liquibase works without auto-commit; the caller gets its connection back as it gave it.
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                connection.setAutoCommit(autoCommit);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the database schema could not be migrated: " + message(e), e);
        } finally {
            thread.setContextClassLoader(before);
        }
        if (applied.isEmpty()) {
            LOG.info("Database schema is up to date ({})", CHANGELOG);
        } else {
            LOG.info("Database schema migrated: {}", String.join(", ", applied));
        }
        return List.copyOf(applied);
    }

    /**
     * Runs {@code work} while no other node migrates the same database. Liquibase's lock covers the changes, but not
     * the creation of its own two tables on a new database, which two nodes starting at once would both try. On
     * PostgreSQL a session advisory lock covers all of it; an embedded Derby database is open in one JVM only, so a
     * lock in this JVM does.
     */
    private static void exclusively(Connection connection, Work work) throws Exception {
        if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            synchronized (SchemaMigrations.class) {
                work.run();
            }
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + ADVISORY_LOCK + ")");
        }
        try {
            work.run();
        } finally {
            // A failed change leaves its transaction aborted, which would refuse the unlock (and hide the failure).
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            try (Statement s = connection.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(" + ADVISORY_LOCK + ")");
            }
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void update(Connection connection, List<String> applied) throws LiquibaseException {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        // Whoever migrates holds the exclusive lock above; a Liquibase lock still taken now is a dead node's (or a
        // killed server's), which would otherwise make every start wait for it and then fail.
        LockServiceFactory.getInstance().getLockService(database).forceReleaseLock();
        Liquibase liquibase = new Liquibase(CHANGELOG, Scope.getCurrentScope().getResourceAccessor(), database);
        liquibase.setChangeExecListener(recorder(applied));
        liquibase.update(new Contexts(), new LabelExpression());
    }

    private static ChangeExecListener recorder(List<String> applied) {
        return new AbstractChangeExecListener() {
            @Override
            public void ran(ChangeSet changeSet, DatabaseChangeLog log, Database database, ChangeSet.ExecType execType) {
                applied.add(changeSet.getId() + " (" + execType + ")");
            }
        };
    }

    private static String message(Throwable e) {
        StringBuilder m = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !m.toString().contains(c.getMessage())) {
                m.append(": ").append(c.getMessage());
            }
        }
        return m.toString();
    }
}
