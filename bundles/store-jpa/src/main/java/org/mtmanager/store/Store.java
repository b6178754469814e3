package org.mtmanager.store;

import java.util.function.Consumer;
import java.util.function.Function;

import javax.persistence.EntityManager;

/**
 * Runs units of work against the platform's database.
 *
 * <p>Writes are serialised: the audit chain needs its entries appended in commit order, and the platform's own
 * writes are few and short (long operations run as jobs made of short transactions). Reads run in parallel.
 */
public interface Store {

    /** Runs read-only work; the entities it returns are detached. */
    <T> T read(Function<EntityManager, T> work);

    /**
     * Runs work in one transaction, committed when it returns and rolled back when it throws. Database
     * conflicts come out as {@link org.mtmanager.api.MtmException} with code CONFLICT.
     */
    <T> T write(Function<EntityManager, T> work);

    default void writing(Consumer<EntityManager> work) {
        write(em -> {
            work.accept(em);
            return null;
        });
    }
}
