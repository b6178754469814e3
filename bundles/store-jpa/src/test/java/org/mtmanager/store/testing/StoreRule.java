package org.mtmanager.store.testing;

import javax.persistence.EntityManagerFactory;

import org.junit.rules.ExternalResource;
import org.mtmanager.store.JpaStore;

/** A test's own migrated database of the chosen kind ({@link TestDatabases}) and a store on it, dropped after. */
public final class StoreRule extends ExternalResource {
    private final String purpose;
    private TestDatabase database;
    private EntityManagerFactory emf;

    public StoreRule(String purpose) {
        this.purpose = purpose;
    }

    @Override
    protected void before() {
        database = TestDatabases.migrated(purpose);
        emf = database.factory();
    }

    @Override
    protected void after() {
        if (emf != null) {
            emf.close();
        }
        if (database != null) {
            database.close();
        }
    }

    public TestDatabase database() {
        return database;
    }

    public EntityManagerFactory factory() {
        return emf;
    }

    public JpaStore store() {
        return new JpaStore(emf);
    }
}
