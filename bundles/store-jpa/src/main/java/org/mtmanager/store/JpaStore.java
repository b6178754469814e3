package org.mtmanager.store;

import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;

import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;

/** A {@link Store} over a JPA EntityManagerFactory (resource-local transactions). */
public class JpaStore implements Store {
    private final EntityManagerFactory emf;
    private final ReentrantLock writeLock = new ReentrantLock(true);

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
        writeLock.lock();
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            em.flush();
            tx.commit();
            return result;
        } catch (PersistenceException e) {
            throw translate(e);
        } finally {
            try {
                if (tx.isActive()) {
                    tx.rollback();
                }
            } finally {
                em.close();
                writeLock.unlock();
            }
        }
    }

    /** Duplicate keys and concurrent updates are the client's problem (409); anything else is ours. */
    static RuntimeException translate(PersistenceException e) {
        if (e instanceof OptimisticLockException) {
            return new MtmException(ErrorCode.CONFLICT, "the record was changed concurrently; read it again and retry");
        }
        // A bounded walk: cause chains may loop.
        Throwable t = e;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return new MtmException(ErrorCode.CONFLICT, "a record with the same unique value already exists");
            }
        }
        return e;
    }
}
