package org.mtmanager.store;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Embedded;
import javax.persistence.Lob;
import javax.persistence.Transient;

/**
 * Makes an entity's text fit its columns: every persistent {@code String} field is cut to its {@code @Column}
 * length, ending in "…", and so is each text field of the values it embeds ({@code @Embedded}). The store applies
 * it to every entity it inserts or updates (a default entity listener, {@code META-INF/orm.xml}), so a long message
 * (a driver's console tail, a client's user agent) is kept in part instead of failing the whole transaction with the
 * database's truncation error. Input the platform validates is
 * refused earlier, with the field's own rule; this is the last line for text the platform produces or records.
 *
 * <p>An entity that is hashed over its fields (the audit chain) calls {@link #fit} itself before hashing, so that
 * the hash covers what is stored.
 */
public final class ColumnFit {
    /** JPA's length of a {@code String} column that does not name one. */
    private static final int DEFAULT_LENGTH = 255;
    private static final String ELLIPSIS = "…";

    private record Bounded(Field field, int length) {
    }

    /** A class's bounded text fields, and its fields that hold an embedded value with text of its own. */
    private record Fields(List<Bounded> text, List<Field> embedded) {
    }

    /** The fields of each entity (or embeddable) class, found once. */
    private static final ClassValue<Fields> FIELDS = new ClassValue<>() {
        @Override
        protected Fields computeValue(Class<?> type) {
            List<Bounded> text = new ArrayList<>();
            List<Field> embedded = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    int mod = f.getModifiers();
                    if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()
                        || f.isAnnotationPresent(Transient.class)) {
                        continue;
                    }
                    if (f.isAnnotationPresent(Embedded.class)) {
                        f.setAccessible(true);
                        embedded.add(f);
                        continue;
                    }
                    if (f.getType() != String.class || f.isAnnotationPresent(Lob.class)) {
                        continue;
                    }
                    Column column = f.getAnnotation(Column.class);
                    f.setAccessible(true);
                    text.add(new Bounded(f, column == null ? DEFAULT_LENGTH : column.length()));
                }
            }
            return new Fields(List.copyOf(text), List.copyOf(embedded));
        }
    };

    private ColumnFit() {
    }

    /** Cuts each text field of the entity (and of its embedded values) that is longer than its column; returns it. */
    public static <T> T fit(T entity) {
        Fields fields = FIELDS.get(entity.getClass());
        try {
            for (Bounded b : fields.text()) {
                String value = (String) b.field().get(entity);
                if (value != null && value.length() > b.length()) {
                    b.field().set(entity, cut(value, b.length()));
                }
            }
            for (Field f : fields.embedded()) {
                Object value = f.get(entity);
                if (value != null) {
                    fit(value);
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot reach a field of " + entity.getClass() + " after making it accessible",
                e);
        }
        return entity;
    }

    /**
     * {@code s} if it has at most {@code max} characters; otherwise its start and "…", {@code max} characters in
     * all, never ending in half a surrogate pair.
     */
    public static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = max - ELLIPSIS.length();
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, Math.max(end, 0)) + ELLIPSIS;
    }
}
