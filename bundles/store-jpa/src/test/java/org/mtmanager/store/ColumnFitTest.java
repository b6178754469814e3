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
import javax.persistence.Embedded;
import javax.persistence.Table;
import javax.persistence.metamodel.EntityType;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.store.entity.MachineDraftEntity;
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
    public void anEmbeddedValuesTextIsCutOnInsertAndOnUpdate() {
        long id = store.write(em -> {
            MachineDraftEntity d = new MachineDraftEntity();
            d.setHostname("pbx-long");
            d.setCustomer(new CustomerData("c".repeat(300), "Ann", "ann@example.com", "+34 600", "Street 1", "B1"));
            d.setCreatedAt(Instant.now());
            em.persist(d);
            em.flush();
            return d.getId();
        });
        CustomerData stored = store.read(em -> em.find(MachineDraftEntity.class, id).getCustomer());
        assertEquals("c".repeat(199) + "…", stored.company());
        assertEquals("Ann", stored.contact());

        store.writing(em -> em.find(MachineDraftEntity.class, id).setCustomer(new CustomerData("Co", "Ann", "ann@example.com",
            "+34 600", "a".repeat(600), "B1")));
        stored = store.read(em -> em.find(MachineDraftEntity.class, id).getCustomer());
        assertEquals("Co", stored.company());
        assertEquals("a".repeat(499) + "…", stored.address());
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
                List<Text> texts = textFields(entity, instance);
                for (Text t : texts) {
                    t.set("y".repeat(70_000));
                }
                ColumnFit.fit(instance);
                for (Text t : texts) {
                    Integer size = sizes.get(columnOf(t.field()));
                    assertNotNull(entity.getSimpleName() + "." + t.name() + " has no VARCHAR column in " + sizes, size);
                    assertEquals(entity.getSimpleName() + "." + t.name(), (int) size, t.get().length());
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

    /** A text field of an entity, or of a value it embeds ({@code holder}). */
    private record Text(Object holder, Field field, String name) {
        void set(String value) throws IllegalAccessException {
            field.set(holder, value);
        }

        String get() throws IllegalAccessException {
            return (String) field.get(holder);
        }
    }

    /** The entity's text fields and those of the values it embeds, each value made and set on the entity here. */
    private static List<Text> textFields(Class<?> type, Object instance) throws ReflectiveOperationException {
        List<Text> out = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                continue;
            }
            if (f.isAnnotationPresent(Embedded.class)) {
                f.setAccessible(true);
                Object value = f.getType().getDeclaredConstructor().newInstance();
                f.set(instance, value);
                for (Text t : textFields(f.getType(), value)) {
                    out.add(new Text(t.holder(), t.field(), f.getName() + "." + t.name()));
                }
            } else if (f.getType() == String.class) {
                f.setAccessible(true);
                out.add(new Text(instance, f, f.getName()));
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
