package org.mtmanager.store.internal;

import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.Statement;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Test;
import org.mtmanager.store.testing.TestDatabase;
import org.mtmanager.store.testing.TestDatabases;

/** The store is published only over a migrated database: a migration that fails stops it with the reason. */
public class StoreComponentTest {
    private final TestDatabase db = TestDatabases.derby("broken");

    @After
    public void drop() {
        db.close();
    }

    @Test
    public void aMigrationThatFailsLeavesTheStoreUnpublishedAndSaysWhy() throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            // A change log table that is not Liquibase's: nothing can be read from it, nor written.
            s.execute("CREATE TABLE DATABASECHANGELOG (ID INT)");
        }
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(db.url().substring("jdbc:derby:".length(), db.url().indexOf(';')));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new StoreComponent(ds, null));
        assertTrue(e.getMessage(), e.getMessage().startsWith("the database schema could not be migrated: "));
    }
}
