package org.mtmanager.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.persistence.EntityManagerFactory;

import org.junit.After;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Test;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.EntityChanges;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.store.entity.SettingEntity;
import org.mtmanager.store.testing.TestDatabase;
import org.mtmanager.store.testing.TestDatabases;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Other nodes hear of a node's writes on PostgreSQL (its only database for several nodes): a committed write sends
 * the names of what it wrote, a rolled-back one sends nothing, and a node's listener counts what it hears, and
 * everything when its connection broke.
 */
public class ChangeNoticesTest {
    private TestDatabase db;
    private EntityManagerFactory emf;
    private JpaStore store;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @Before
    public void database() {
        Assume.assumeTrue("change notices exist on PostgreSQL only", TestDatabases.postgres());
        db = TestDatabases.migrated("notices");
        emf = db.factory();
        store = new JpaStore(emf);
    }

    @After
    public void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        if (emf != null) {
            emf.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    public void aCommittedWriteNamesWhatItWroteAndARolledBackOneSendsNothing() throws Exception {
        Connection other = listening();
        assertThrows(IllegalStateException.class, () -> store.write(em -> {
            em.persist(setting("notices.rolled-back"));
            em.flush();
            throw new IllegalStateException("changed its mind");
        }));
        store.write(em -> {
            em.persist(setting("notices.committed"));
            return null;
        });
        List<String> heard = notices(other, 1);
        assertEquals(List.of("SettingEntity"), heard);
    }

    @Test
    public void aReadSendsNoNotice() throws Exception {
        Connection other = listening();
        store.read(em -> em.find(SettingEntity.class, "none"));
        store.write(em -> em.find(SettingEntity.class, "none"));
        store.write(em -> {
            em.persist(setting("notices.after-reads"));
            return null;
        });
        assertEquals("only the write was heard", List.of("SettingEntity"), notices(other, 1));
    }

    @Test
    public void aListenerCountsWhatAnotherNodeWrote() throws Exception {
        ChangeNotices notices = listener();
        long machines = EntityChanges.generation(MachineEntity.class);
        long accounts = EntityChanges.generation(AccountEntity.class);
        long settings = EntityChanges.generation(SettingEntity.class);
        try (Connection other = db.connection()) {
            notify(other, "MachineEntity");
            notify(other, "SettingEntity");
        }
        await(() -> EntityChanges.generation(SettingEntity.class) > settings, "the second notice was heard");
        assertTrue("the first notice was heard before it", EntityChanges.generation(MachineEntity.class) > machines);
        assertEquals("a class no notice named did not count", accounts, EntityChanges.generation(AccountEntity.class));
        assertTrue(notices.listening());
    }

    @Test
    public void aListenerWhoseConnectionBrokeCountsEverythingAndListensAgain() throws Exception {
        ChangeNotices notices = listener();
        long accounts = EntityChanges.generation(AccountEntity.class);
        try (Connection admin = db.connection(); Statement st = admin.createStatement()) {
            int ended = 0;
            try (ResultSet r = st.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                + "current_database() AND query LIKE 'LISTEN%'")) {
                while (r.next()) {
                    ended++;
                }
            }
            assertEquals("the listener's own connection", 1, ended);
        }
        await(() -> EntityChanges.generation(AccountEntity.class) > accounts, "everything counted as changed");
        await(notices::listening, "listening again");
        long machines = EntityChanges.generation(MachineEntity.class);
        try (Connection other = db.connection()) {
            notify(other, "MachineEntity");
        }
        await(() -> EntityChanges.generation(MachineEntity.class) > machines, "a notice after the break was heard");
    }

    @Test
    public void aClosedListenerLetsGoOfItsConnection() throws Exception {
        ChangeNotices notices = listener();
        assertEquals(1, listenerBackends());
        notices.close();
        assertFalse(notices.listening());
        await(() -> listenerBackends() == 0, "its connection closed");
    }

    /** The backends of this database whose last statement was the listener's. */
    private long listenerBackends() {
        try (Connection admin = db.connection(); Statement st = admin.createStatement();
             ResultSet r = st.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                 + "AND query LIKE '%LISTEN " + ChangeNotices.CHANNEL + "'")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private ChangeNotices listener() throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(db.url());
        ds.setUser(db.user());
        ChangeNotices notices = ChangeNotices.listen(ds);
        closing.add(notices);
        await(notices::listening, "listening");
        return notices;
    }

    /** A connection of "another node" that listens for notices. */
    private Connection listening() throws SQLException {
        Connection c = db.connection();
        closing.add(c);
        try (Statement st = c.createStatement()) {
            st.execute("LISTEN " + ChangeNotices.CHANNEL);
        }
        return c;
    }

    /** The payloads heard on the connection, waiting until {@code count} arrived, and a moment more for any extra. */
    private static List<String> notices(Connection c, int count) throws SQLException {
        List<String> heard = new ArrayList<>();
        PGConnection pg = c.unwrap(PGConnection.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (heard.size() < count && System.nanoTime() < deadline) {
            collect(pg.getNotifications(200), heard);
        }
        collect(pg.getNotifications(300), heard);
        return heard;
    }

    private static void collect(PGNotification[] notices, List<String> into) {
        if (notices != null) {
            for (PGNotification n : notices) {
                into.add(n.getParameter());
            }
        }
    }

    private static void notify(Connection c, String payload) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, ChangeNotices.CHANNEL);
            ps.setString(2, payload);
            ps.execute();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 15 s: " + what);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static SettingEntity setting(String key) {
        SettingEntity s = new SettingEntity();
        s.setKey(key);
        s.setType("string");
        s.setValue("v");
        s.setUpdatedAt(Instant.now());
        s.setUpdatedBy("test");
        return s;
    }
}
