package org.mtmanager.platform.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManagerFactory;

import org.junit.rules.ExternalResource;
import org.mtmanager.store.JpaStore;
import org.mtmanager.store.testing.TestClock;
import org.mtmanager.store.testing.TestDatabase;
import org.mtmanager.store.testing.TestDatabases;

/**
 * Nodes of one platform on a fresh migrated database (Derby, or PostgreSQL with {@code -Dmtm.test.db=postgres}) and
 * on one test clock: this node's store, and another node's (its own connections and caches) on the same database.
 * Use as a {@code @Rule}.
 */
public final class Nodes extends ExternalResource {
    public final TestClock clock = new TestClock(Instant.parse("2030-01-01T10:00:00Z"));
    private final List<EntityManagerFactory> factories = new ArrayList<>();
    private TestDatabase db;
    public JpaStore store;

    @Override
    protected void before() {
        db = TestDatabases.migrated("cluster");
        store = otherNode();
    }

    /** Another node's store on the same database. */
    public JpaStore otherNode() {
        EntityManagerFactory emf = db.factory();
        factories.add(emf);
        return new JpaStore(emf);
    }

    @Override
    protected void after() {
        factories.forEach(EntityManagerFactory::close);
        if (db != null) {
            db.close();
        }
    }
}
