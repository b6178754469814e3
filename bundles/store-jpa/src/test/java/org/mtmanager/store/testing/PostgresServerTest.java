package org.mtmanager.store.testing;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.Test;

public class PostgresServerTest {

    @Test
    public void aFreshDatabaseTakesTablesAndIsDroppedAfter() throws Exception {
        PostgresServer pg = PostgresServer.get();
        String db = pg.createDatabase("mtmut_smoke");
        try (Connection c = DriverManager.getConnection(pg.url(db) + "?user=" + pg.user());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id BIGINT PRIMARY KEY)");
            s.execute("INSERT INTO t VALUES (42)");
            try (ResultSet r = s.executeQuery("SELECT id FROM t")) {
                r.next();
                assertEquals(42, r.getLong(1));
            }
        }
        pg.dropDatabase(db);
        try (Connection c = DriverManager.getConnection(pg.url("postgres") + "?user=" + pg.user());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + db + "'")) {
            r.next();
            assertEquals(0, r.getInt(1));
        }
    }
}
