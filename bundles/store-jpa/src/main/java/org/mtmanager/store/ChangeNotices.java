package org.mtmanager.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.mtmanager.store.entity.EntityChanges;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the other nodes on one PostgreSQL database which entities a transaction wrote, so that their caches of
 * what was read from them ({@link EntityChanges}) drop within milliseconds rather than when their time to live
 * ends: a token revoked on one node stops working on all, a machine changed by a job on one node shows changed on
 * all. A writing transaction sends {@code NOTIFY mtm_changes} with the simple names of the classes it wrote;
 * PostgreSQL delivers it at commit, and never for a rollback. Each node listens on a connection of its own.
 *
 * <p>A node whose listening connection broke may have missed notices: it counts everything as changed, once when
 * the connection breaks and once when it listens again. Derby serves one node and needs none of this.
 */
public final class ChangeNotices implements AutoCloseable {
    public static final String CHANNEL = "mtm_changes";
    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotices.class);
    private static final int WAIT_MILLIS = 500;
    private static final long RETRY_MILLIS = 1_000;

    private final DataSource dataSource;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean listening;
    private volatile Connection connection;

    private ChangeNotices(DataSource dataSource) {
        this.dataSource = dataSource;
        this.thread = new Thread(this::run, "mtm-change-notices");
        this.thread.setDaemon(true);
    }

    /** Starts listening for other nodes' notices on a connection of the data source; close to stop. */
    public static ChangeNotices listen(DataSource dataSource) {
        ChangeNotices n = new ChangeNotices(dataSource);
        n.thread.start();
        return n;
    }

    /** Whether the connection currently listens (notices sent from now on arrive). */
    public boolean listening() {
        return listening;
    }

    /** Whether the connection is to PostgreSQL, the database whose nodes send and hear notices. */
    public static boolean postgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    /**
     * Sends, within the connection's transaction, the notice of what it wrote; PostgreSQL delivers it when the
     * transaction commits.
     */
    static void send(Connection c, Set<String> classes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, String.join(",", new TreeSet<>(classes)));
            ps.execute();
        }
    }

    /** The classes a notice names. */
    static Set<String> classes(String payload) {
        Set<String> out = new TreeSet<>();
        for (String c : payload.split(",")) {
            if (!c.isBlank()) {
                out.add(c.strip());
            }
        }
        return out;
    }

    private void run() {
        while (!closed) {
            try (Connection c = dataSource.getConnection()) {
                connection = c;
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                // What was written while nobody listened is unknown.
                EntityChanges.noticed(null);
                listening = true;
                while (!closed) {
                    PGNotification[] notices = pg.getNotifications(WAIT_MILLIS);
                    if (notices != null) {
                        for (PGNotification n : notices) {
                            EntityChanges.noticed(classes(n.getParameter()));
                        }
                    }
                }
                try (Statement st = c.createStatement()) {
                    st.execute("UNLISTEN " + CHANNEL);
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                boolean was = listening;
                listening = false;
                EntityChanges.noticed(null);
                if (was) {
                    LOG.warn("Stopped receiving other nodes' change notices ({}); caches fall back to their time to live "
                        + "until listening again", e.getMessage());
                } else {
                    LOG.debug("cannot listen for change notices yet: {}", e.getMessage());
                }
                pause();
            } finally {
                listening = false;
                connection = null;
            }
        }
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Connection c = connection;
        if (thread.isAlive() && c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("closing the change notices' connection: {}", e.getMessage());
            }
        }
    }
}
