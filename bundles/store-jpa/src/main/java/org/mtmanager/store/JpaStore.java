package org.mtmanager.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;

import org.apache.openjpa.persistence.OpenJPAPersistence;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.store.entity.EntityChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Store} over a JPA EntityManagerFactory (resource-local transactions). Nothing here is shared between
 * writers: concurrent units of work, on this node or on others, meet only in the database, and a unit the
 * database refused for a conflict that a second try can resolve runs again (see {@link Store}).
 */
public class JpaStore implements Store {
    /** Attempts of one unit of work; enough for a dozen writers all taking the same lowest free value. */
    static final int ATTEMPTS = 12;
    /** Deadlock and serialization failures (SQL standard, PostgreSQL), lock timeout and deadlock (Derby). */
    private static final Set<String> TRANSIENT = Set.of("40001", "40P01", "40XL1", "40XL2");
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Logger LOG = LoggerFactory.getLogger(JpaStore.class);

    private final EntityManagerFactory emf;
    /** Whether the database is PostgreSQL, whose other nodes hear of writes ({@link ChangeNotices}); null: not known yet. */
    private volatile Boolean postgres;

    public JpaStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    @Override
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } catch (PersistenceException e) {
            throw translate(e);
        } finally {
            em.close();
        }
    }

    @Override
    public <T> T write(Function<EntityManager, T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return once(work);
            } catch (PersistenceException e) {
                if (attempt >= ATTEMPTS || !retryable(e)) {
                    throw translate(e);
                }
                LOG.debug("unit of work refused by the database (SQLState {}, {}); attempt {} of {}", sqlState(e),
                    rootMessage(e), attempt + 1, ATTEMPTS);
                backOff(attempt);
            }
        }
    }

    private <T> T once(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        Set<String> outer = EntityChanges.begin();
        Set<String> written;
        boolean committed = false;
        try {
            tx.begin();
            T result = work.apply(em);
            em.flush();
            notifyOtherNodes(em);
            tx.commit();
            committed = true;
            return result;
        } finally {
            written = EntityChanges.end(outer);
            try {
                if (tx.isActive()) {
                    tx.rollback();
                }
            } finally {
                em.close();
                if (committed) {
                    EntityChanges.committed(written);
                }
            }
        }
    }

    /** On PostgreSQL, the notice of what this transaction wrote, delivered to the other nodes at its commit. */
    private void notifyOtherNodes(EntityManager em) {
        Set<String> written = EntityChanges.pending();
        if (written.isEmpty()) {
            return;
        }
        Connection c = (Connection) OpenJPAPersistence.cast(em).getConnection();
        try {
            Boolean pg = postgres;
            if (pg == null) {
                pg = ChangeNotices.postgres(c);
                postgres = pg;
            }
            if (pg) {
                ChangeNotices.send(c, written);
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not send the change notice: " + e.getMessage(), e);
        }
    }

    /** A few milliseconds, growing and jittered, so that writers that collided do not collide again in step. */
    private static void backOff(int attempt) {
        long maxMillis = Math.min(100, 5L << Math.min(attempt, 5));
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(1, maxMillis + 1)));
    }

    /**
     * Whether running the unit again can succeed: a deadlock, a serialization failure or a lock timeout; a row
     * changed since it was read (its version); a unique value another writer committed first (the next attempt
     * reads it: an allocation chooses the next free value, a check of the value answers its own conflict).
     */
    static boolean retryable(PersistenceException e) {
        String state = sqlState(e);
        if (state != null) {
            return TRANSIENT.contains(state) || UNIQUE_VIOLATION.equals(state);
        }
        return causes(e, OptimisticLockException.class);
    }

    /** Duplicate keys and concurrent updates are the client's problem (409); anything else is ours. */
    static RuntimeException translate(PersistenceException e) {
        String state = sqlState(e);
        if (state != null && TRANSIENT.contains(state)) {
            return new MtmException(ErrorCode.CONFLICT, "the database is busy with concurrent changes; retry");
        }
        if (state != null && state.startsWith("23")) {
            return new MtmException(ErrorCode.CONFLICT, "a record with the same unique value already exists");
        }
        if (causes(e, OptimisticLockException.class)) {
            return new MtmException(ErrorCode.CONFLICT, "the record was changed concurrently; read it again and retry");
        }
        return e;
    }

    private static String sqlState(Throwable e) {
        // A bounded walk: cause chains may loop.
        Throwable t = e;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t.getCause() != null && t.getCause() != t && depth < 32; depth++) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static boolean causes(Throwable e, Class<? extends Throwable> type) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
