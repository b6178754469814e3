package org.mtmanager.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.testing.TestDatabase;
import org.mtmanager.store.testing.TestDatabases;

/** What the migration tests read of a database: its tables, rows, schema and change log, through plain JDBC. */
final class SchemaDump {
    private static final Map<Boolean, Long> CHANGE_SETS = new HashMap<>();

    private SchemaDump() {
    }

    static AccountEntity account(String name) {
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

    static void load(Connection c, String resource) throws IOException, SQLException {
        String sql;
        try (InputStream in = SchemaDump.class.getResourceAsStream(resource)) {
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

    static Map<String, Long> rowCounts(Connection c) throws SQLException {
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

    static TreeSet<String> tables(Connection c) throws SQLException {
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
    static String schema(Connection c) throws SQLException {
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

    static long ran(Connection c) throws SQLException {
        String table = c.getMetaData().storesLowerCaseIdentifiers() ? "databasechangelog" : "DATABASECHANGELOG";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** How many change sets the changelog has, counted once per kind of database on a database of its own. */
    static synchronized long changeSetCount(TestDatabase like) throws Exception {
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
