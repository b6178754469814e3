package org.mtmanager.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManagerFactory;

import org.junit.After;
import org.junit.Test;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.testing.TestDatabase;
import org.mtmanager.store.testing.TestDatabases;

/**
 * A database made by OpenJPA's buildSchema before versioned migrations (a fixture captured then, on Derby, the only
 * database the platform ran on) is adopted with its data, and ends with the schema a new database gets.
 */
public class BuildSchemaAdoptionTest {
    /** Today's schema, as OpenJPA's buildSchema made it on Derby before migrations, with two rows in every table. */
    private static final String FIXTURE = "/org/mtmanager/store/db/buildschema-derby.sql";
    private final List<AutoCloseable> opened = new ArrayList<>();

    @After
    public void drop() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    public void aDatabaseMadeByBuildSchemaIsAdoptedAndKeepsItsData() throws Exception {
        TestDatabase db = open(TestDatabases.derby("adopt"));
        Map<String, Long> rowsBefore;
        try (Connection c = db.connection()) {
            SchemaDump.load(c, FIXTURE);
            rowsBefore = SchemaDump.rowCounts(c);
        }
        assertEquals("the fixture has every table of today's schema", 23, rowsBefore.size());

        List<String> applied;
        try (Connection c = db.connection()) {
            applied = SchemaMigrations.migrate(c);
        }
        for (String table : rowsBefore.keySet()) {
            assertTrue("the baseline of " + table + " is marked ran, not run: " + applied, applied.contains("001-" + table + " (MARK_RAN)"));
        }
        try (Connection c = db.connection()) {
            assertEquals("every change set of the changelog is recorded", SchemaDump.changeSetCount(db), SchemaDump.ran(c));
            Map<String, Long> rowsAfter = SchemaDump.rowCounts(c);
            for (Map.Entry<String, Long> t : rowsBefore.entrySet()) {
                assertEquals("rows of " + t.getKey(), t.getValue(), rowsAfter.get(t.getKey()));
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT NAME FROM MTM_ACCOUNT WHERE ID = 2")) {
                assertTrue(rs.next());
                assertEquals("name2", rs.getString(1));
            }
        }
        // The store works on it: a new account gets the identity after the existing rows.
        EntityManagerFactory emf = db.factory();
        opened.add(emf::close);
        JpaStore store = new JpaStore(emf);
        long id = store.write(em -> {
            AccountEntity a = SchemaDump.account("after-migration");
            em.persist(a);
            em.flush();
            return a.getId();
        });
        assertEquals(3, id);
        assertEquals("name1", store.read(em -> em.find(AccountEntity.class, 1L).getName()));
    }

    @Test
    public void anAdoptedDatabaseAndAFreshOneEndWithTheSameSchema() throws Exception {
        TestDatabase adopted = open(TestDatabases.derby("adopted"));
        TestDatabase fresh = open(TestDatabases.derby("fresh"));
        try (Connection a = adopted.connection(); Connection f = fresh.connection()) {
            SchemaDump.load(a, FIXTURE);
            SchemaMigrations.migrate(a);
            SchemaMigrations.migrate(f);
            assertEquals(SchemaDump.schema(a), SchemaDump.schema(f));
        }
    }

    private TestDatabase open(TestDatabase db) {
        opened.add(db);
        return db;
    }
}
