package org.mtmanager.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManagerFactory;

import org.junit.After;
import org.junit.Test;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.testing.JpaStores;
import org.mtmanager.store.testing.TestDatabase;
import org.mtmanager.store.testing.TestDatabases;

public class SchemaMigrationsTest {
    private final List<AutoCloseable> opened = new ArrayList<>();

    @After
    public void drop() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    public void migratingTwiceIsANoOp() throws Exception {
        TestDatabase db = open(TestDatabases.fresh("twice"));
        try (Connection c = db.connection()) {
            List<String> first = SchemaMigrations.migrate(c);
            assertFalse(first.isEmpty());
            assertTrue("a fresh database runs the baseline: " + first, first.contains("001-MTM_ACCOUNT (EXECUTED)"));
            String before = SchemaDump.schema(c);
            assertEquals(List.of(), SchemaMigrations.migrate(c));
            assertEquals(before, SchemaDump.schema(c));
            assertEquals(SchemaDump.changeSetCount(db), SchemaDump.ran(c));
        }
    }

    @Test(timeout = 120_000)
    public void aLockLeftByANodeThatDiedWhileMigratingDoesNotHoldUpTheNextStart() throws Exception {
        TestDatabase db = open(TestDatabases.fresh("stale"));
        try (Connection c = db.connection()) {
            SchemaMigrations.migrate(c);
            String lock = c.getMetaData().storesLowerCaseIdentifiers() ? "databasechangeloglock" : "DATABASECHANGELOGLOCK";
            try (Statement s = c.createStatement()) {
                assertEquals(1, s.executeUpdate("UPDATE " + lock + " SET LOCKED = TRUE, LOCKEDBY = 'dead-node' WHERE ID = 1"));
            }
            // Liquibase alone would wait five minutes for it, then fail.
            assertEquals(List.of(), SchemaMigrations.migrate(c));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT LOCKED FROM " + lock)) {
                assertTrue(rs.next());
                assertFalse("the lock is free again", rs.getBoolean(1));
            }
        }
    }

    @Test
    public void twoNodesMigratingOneDatabaseAtOnceBothSucceed() throws Exception {
        TestDatabase db = open(TestDatabases.fresh("race"));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<List<String>> node = () -> {
                try (Connection c = db.connection()) {
                    start.await(30, TimeUnit.SECONDS);
                    return SchemaMigrations.migrate(c);
                }
            };
            Future<List<String>> one = pool.submit(node);
            Future<List<String>> two = pool.submit(node);
            List<String> a = one.get(120, TimeUnit.SECONDS);
            List<String> b = two.get(120, TimeUnit.SECONDS);
            assertEquals("each change set ran once, on one node or the other: " + a + " / " + b,
                SchemaDump.changeSetCount(db), a.size() + b.size());
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = db.connection()) {
            assertEquals(SchemaDump.changeSetCount(db), SchemaDump.ran(c));
        }
    }

    /**
     * The server migrates on a connection of its pool, which then serves requests for as long as the server runs: it
     * must come back as it was lent, with no transaction open and, on PostgreSQL, without the session's advisory lock,
     * which would otherwise keep every other node from ever migrating. After a failed migration too.
     */
    @Test
    public void theConnectionComesBackWithoutTheLockOrATransactionEvenWhenTheMigrationFails() throws Exception {
        TestDatabase db = open(TestDatabases.fresh("pooled"));
        try (Connection c = db.connection()) {
            assertFalse(SchemaMigrations.migrate(c).isEmpty());
            assertAsLent(db, c);

            String changelog = c.getMetaData().storesLowerCaseIdentifiers() ? "databasechangelog" : "DATABASECHANGELOG";
            try (Statement s = c.createStatement()) {
                assertEquals(1, s.executeUpdate("UPDATE " + changelog + " SET MD5SUM = '9:0' WHERE ID = '001-MTM_ACCOUNT'"));
            }
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SchemaMigrations.migrate(c));
            assertTrue(refused.getMessage(), refused.getMessage().contains("001-MTM_ACCOUNT"));
            assertAsLent(db, c);
        }
    }

    private static void assertAsLent(TestDatabase db, Connection c) throws Exception {
        assertTrue("auto-commit, as a connection is lent", c.getAutoCommit());
        if (db.isPostgres()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks WHERE pid = "
                + "pg_backend_pid() AND (locktype = 'advisory' OR locktype = 'transactionid')")) {
                assertTrue(rs.next());
                assertEquals("the session holds no advisory lock and no transaction", 0, rs.getInt(1));
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM MTM_ACCOUNT")) {
            assertTrue("and it still works", rs.next());
        }
    }

    @Test
    public void theMigratedSchemaHoldsEveryMapping() throws Exception {
        // OpenJPA checks each entity's table and columns against the database and refuses to start on a mismatch.
        TestDatabase db = open(TestDatabases.fresh("validate"));
        EntityManagerFactory emf = JpaStores.factory(db.url(), db.user(), db.user() == null ? null : "",
            Map.of("openjpa.jdbc.SynchronizeMappings", "validate"));
        opened.add(emf::close);
        JpaStore store = new JpaStore(emf);
        Instant now = Instant.parse("2026-11-25T10:15:30.123Z");
        long id = store.write(em -> {
            AccountEntity a = SchemaDump.account("validated");
            a.setCreatedAt(now);
            em.persist(a);
            em.flush();
            return a.getId();
        });
        assertEquals(now, store.read(em -> em.find(AccountEntity.class, id).getCreatedAt()));
    }

    private TestDatabase open(TestDatabase db) {
        opened.add(db);
        return db;
    }

}
