package org.mtmanager.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
import org.mtmanager.store.testing.TestDatabase;
import org.mtmanager.store.testing.TestDatabases;

public class SchemaMigrationsTest {
    /** Today's schema, as OpenJPA's buildSchema made it on Derby before migrations, with two rows in every table. */
    private static final String FIXTURE = "/org/mtmanager/store/db/buildschema-derby.sql";
    private static final Map<Boolean, Long> CHANGE_SETS = new HashMap<>();
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
            load(c, FIXTURE);
            rowsBefore = rowCounts(c);
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
            assertEquals("every change set of the changelog is recorded", changeSetCount(db), ran(c));
            Map<String, Long> rowsAfter = rowCounts(c);
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
            AccountEntity a = account("after-migration");
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
            load(a, FIXTURE);
            SchemaMigrations.migrate(a);
            SchemaMigrations.migrate(f);
            assertEquals(schema(a), schema(f));
        }
    }

    @Test
    public void migratingTwiceIsANoOp() throws Exception {
        TestDatabase db = open(TestDatabases.fresh("twice"));
        try (Connection c = db.connection()) {
            List<String> first = SchemaMigrations.migrate(c);
            assertFalse(first.isEmpty());
            assertTrue("a fresh database runs the baseline: " + first, first.contains("001-MTM_ACCOUNT (EXECUTED)"));
            String before = schema(c);
            assertEquals(List.of(), SchemaMigrations.migrate(c));
            assertEquals(before, schema(c));
            assertEquals(changeSetCount(db), ran(c));
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
                changeSetCount(db), a.size() + b.size());
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = db.connection()) {
            assertEquals(changeSetCount(db), ran(c));
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
            AccountEntity a = account("validated");
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

    private static AccountEntity account(String name) {
        Instant now = Instant.parse("2026-11-25T10:15:30Z");
        AccountEntity a = new AccountEntity();
        a.setParentId(0);
        a.setType("PLATFORM");
        a.setName(name);
        a.setNameKey(name);
        a.setStatus("ACTIVE");
        a.setPath("/");
        a.setCreatedAt(now);
        a.setUpdatedAt(now);
        return a;
    }

    private static void load(Connection c, String resource) throws IOException, SQLException {
        String sql;
        try (InputStream in = SchemaMigrationsTest.class.getResourceAsStream(resource)) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Statement s = c.createStatement()) {
            for (String statement : sql.split(";\\s*\\n")) {
                String body = statement.lines().filter(l -> !l.startsWith("--")).reduce("", (x, y) -> x + "\n" + y).strip();
                if (!body.isEmpty()) {
                    s.execute(body);
                }
            }
        }
    }

    private static Map<String, Long> rowCounts(Connection c) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables(c)) {
            if (table.startsWith("MTM_")) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static TreeSet<String> tables(Connection c) throws SQLException {
        TreeSet<String> tables = new TreeSet<>();
        try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (schema == null || schema.equalsIgnoreCase("APP") || schema.equalsIgnoreCase("public")) {
                    tables.add(rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    /** Every table's columns (type, size, nullability, identity), primary key and indexes, as text to compare. */
    private static String schema(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        StringBuilder out = new StringBuilder();
        for (String table : tables(c)) {
            if (!table.startsWith("MTM_")) {
                continue;
            }
            String name = md.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
            out.append(table).append('\n');
            try (ResultSet rs = md.getColumns(null, null, name, "%")) {
                TreeSet<String> cols = new TreeSet<>();
                while (rs.next()) {
                    cols.add("  " + rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME") + "(" + rs.getInt("COLUMN_SIZE")
                        + ") null=" + rs.getString("IS_NULLABLE") + " auto=" + rs.getString("IS_AUTOINCREMENT"));
                }
                cols.forEach(l -> out.append(l).append('\n'));
            }
            try (ResultSet rs = md.getPrimaryKeys(null, null, name)) {
                TreeSet<String> pk = new TreeSet<>();
                while (rs.next()) {
                    pk.add(rs.getString("COLUMN_NAME"));
                }
                out.append("  pk ").append(pk).append('\n');
            }
            Map<String, TreeMap<Integer, String>> indexes = new TreeMap<>();
            Map<String, Boolean> unique = new TreeMap<>();
            try (ResultSet rs = md.getIndexInfo(null, null, name, false, false)) {
                while (rs.next()) {
                    String index = rs.getString("INDEX_NAME");
                    if (index != null) {
                        indexes.computeIfAbsent(index, k -> new TreeMap<>()).put(rs.getInt("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
                        unique.put(index, !rs.getBoolean("NON_UNIQUE"));
                    }
                }
            }
            TreeSet<String> lines = new TreeSet<>();
            // Names the database chose itself (Derby's SQL..., PostgreSQL's ..._pkey) differ between two databases.
            indexes.forEach((index, cols) -> lines.add("  " + (unique.get(index) ? "unique " : "index ")
                + (index.startsWith("SQL") || index.endsWith("_pkey") ? "" : index + " ") + cols.values()));
            lines.forEach(l -> out.append(l).append('\n'));
        }
        return out.toString();
    }

    private static long ran(Connection c) throws SQLException {
        String table = c.getMetaData().storesLowerCaseIdentifiers() ? "databasechangelog" : "DATABASECHANGELOG";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** How many change sets the changelog has, counted once per kind of database on a database of its own. */
    private static synchronized long changeSetCount(TestDatabase like) throws Exception {
        Long known = CHANGE_SETS.get(like.isPostgres());
        if (known == null) {
            try (TestDatabase scratch = like.isPostgres() ? TestDatabases.fresh("count") : TestDatabases.derby("count");
                 Connection c = scratch.connection()) {
                known = (long) SchemaMigrations.migrate(c).size();
            }
            CHANGE_SETS.put(like.isPostgres(), known);
        }
        return known;
    }
}
