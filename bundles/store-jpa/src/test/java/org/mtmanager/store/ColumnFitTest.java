package org.mtmanager.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.persistence.Column;
import javax.persistence.Table;
import javax.persistence.metamodel.EntityType;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.store.testing.StoreRule;

/**
 * Text longer than its column is cut by the store, on insert and on update, for every entity: Derby would refuse
 * the whole transaction otherwise ("A truncation error was encountered").
 */
public class ColumnFitTest {
    @Rule
    public final StoreRule db = new StoreRule("columnfit");
    private JpaStore store;

    @Before
    public void open() {
        store = db.store();
    }

    @Test
    public void textLongerThanItsColumnIsCutOnInsertAndOnUpdate() {
        String console = "will retry: machine T1 does not answer on 10.100.0.10:80 after 15 s: " + "console line | ".repeat(40);
        long id = store.write(em -> {
            JobEntity j = job();
            j.setStep(console);
            em.persist(j);
            em.flush();
            return j.getId();
        });
        String step = store.read(em -> em.find(JobEntity.class, id).getStep());
        assertEquals(200, step.length());
        assertTrue(step, step.startsWith("will retry: machine T1 does not answer") && step.endsWith("…"));

        store.writing(em -> {
            JobEntity j = em.find(JobEntity.class, id);
            j.setError("x".repeat(5000));
            j.setStep("done");
        });
        JobEntity back = store.read(em -> em.find(JobEntity.class, id));
        assertEquals("x".repeat(999) + "…", back.getError());
        assertEquals("done", back.getStep());
    }

    @Test
    public void aCutNeverSplitsACharacterAndLeavesShortTextAlone() {
        assertEquals("abc", ColumnFit.cut("abc", 3));
        assertEquals("ab…", ColumnFit.cut("abcd", 3));
        // "a" then U+1F600 (two chars): the pair is dropped whole rather than cut in half
        assertEquals("a…", ColumnFit.cut("a\uD83D\uDE00bc", 3));
        assertEquals(null, ColumnFit.cut(null, 3));
    }

    /** Every text field of every entity, filled far beyond any column, fits the column the database made for it. */
    @Test
    public void everyTextColumnOfEveryEntityIsKnownWithTheDatabasesOwnLength() throws Exception {
        int checked = 0;
        try (Connection c = db.database().connection()) {
            for (EntityType<?> type : store.read(em -> em.getMetamodel().getEntities())) {
                Class<?> entity = type.getJavaType();
                Map<String, Integer> sizes = varcharSizes(c, tableOf(entity));
                Object instance = entity.getDeclaredConstructor().newInstance();
                for (Field f : textFields(entity)) {
                    f.set(instance, "y".repeat(70_000));
                }
                ColumnFit.fit(instance);
                for (Field f : textFields(entity)) {
                    Integer size = sizes.get(columnOf(f));
                    assertNotNull(entity.getSimpleName() + "." + f.getName() + " has no VARCHAR column in " + sizes, size);
                    assertEquals(entity.getSimpleName() + "." + f.getName(), (int) size, ((String) f.get(instance)).length());
                    checked++;
                }
            }
        }
        assertTrue("only " + checked + " text columns found", checked > 50);
    }

    @Test
    public void anEntityWithoutTextIsLeftAsItIs() {
        Object plain = new Object();
        assertEquals(plain, ColumnFit.fit(plain));
        assertFalse(ColumnFit.fit(job()).getState().isEmpty());
    }

    private static JobEntity job() {
        JobEntity j = new JobEntity();
        j.setType("CREATE");
        j.setState("RUNNING");
        j.setCreatedAt(Instant.now());
        j.setUpdatedAt(Instant.now());
        return j;
    }

    private static List<Field> textFields(Class<?> entity) {
        List<Field> out = new ArrayList<>();
        for (Field f : entity.getDeclaredFields()) {
            if (f.getType() == String.class && !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                f.setAccessible(true);
                out.add(f);
            }
        }
        return out;
    }

    private static String tableOf(Class<?> entity) {
        Table t = entity.getAnnotation(Table.class);
        return (t == null || t.name().isEmpty() ? entity.getSimpleName() : t.name()).toUpperCase(Locale.ROOT);
    }

    private static String columnOf(Field f) {
        Column c = f.getAnnotation(Column.class);
        return (c == null || c.name().isEmpty() ? f.getName() : c.name()).toUpperCase(Locale.ROOT);
    }

    private static Map<String, Integer> varcharSizes(Connection c, String table) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        // PostgreSQL keeps unquoted names in lower case.
        String name = c.getMetaData().storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
        try (ResultSet rs = c.getMetaData().getColumns(null, null, name, null)) {
            while (rs.next()) {
                if (rs.getString("TYPE_NAME").toUpperCase(Locale.ROOT).contains("CHAR")) {
                    out.put(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT), rs.getInt("COLUMN_SIZE"));
                }
            }
        }
        return out;
    }
}
