package org.mtmanager.store;

import java.util.function.Consumer;
import java.util.function.Function;

import javax.persistence.EntityManager;

/**
 * Runs units of work against the platform's database.
 *
 * <p>Several nodes share the database, so nothing in one JVM may keep the data correct: writers meet only in the
 * database. Each rule that two concurrent writers could break is a constraint (a unique value, a primary key, an
 * entity's version) or a row lock: the audit chain's order is the lock on its head row, taken by each appending
 * transaction; a free port, internal address or serial is a unique key; a count limit under a parent raises the
 * parent's version.
 *
 * <p>A unit of work that the database refuses for a reason a second try can resolve runs again from its start, in a
 * new transaction, a bounded number of times after a short jittered pause: a deadlock or serialization failure
 * (SQLState 40001, 40P01; Derby's lock timeout and deadlock 40XL1, 40XL2), a row changed since it was read (its
 * version), or a unique value another writer committed first, which the next attempt sees (an allocation then
 * takes the next free value, and a check of a chosen value answers its own clear conflict). So work passed to
 * {@link #write} must be safe to run more than once: it reads what it needs inside the transaction and changes
 * nothing outside it; infrastructure and other side effects happen after {@code write} returns. Reads run in
 * parallel.
 */
public interface Store {

    /** Runs read-only work; the entities it returns are detached. */
    <T> T read(Function<EntityManager, T> work);

    /**
     * Runs work in one transaction, committed when it returns and rolled back when it throws; run again when the
     * database refused it for a conflict a second try can resolve (see above), so it must have no effect outside the
     * transaction. Database conflicts that remain come out as {@link org.mtmanager.api.MtmException} with code
     * CONFLICT.
     */
    <T> T write(Function<EntityManager, T> work);

    default void writing(Consumer<EntityManager> work) {
        write(em -> {
            work.accept(em);
            return null;
        });
    }
}
