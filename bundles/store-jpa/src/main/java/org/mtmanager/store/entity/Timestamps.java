package org.mtmanager.store.entity;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How an entity keeps an {@link Instant}: as a {@link Timestamp} field (a TIMESTAMP column), to the millisecond, the
 * precision that both databases keep alike. A JPA {@code AttributeConverter} cannot do this on OpenJPA 3.2.2: its
 * {@code @Convert} passes the value through the converter, but the column's handler is still chosen from the field's
 * own type, and {@code Instant} is not one OpenJPA knows, so the converted value is serialised into a BLOB (Derby:
 * "An attempt was made to get a data value of type 'TIMESTAMP' from a data value of type 'BLOB'"; PostgreSQL:
 * "column ... is of type timestamp without time zone but expression is of type bytea").
 */
final class Timestamps {
    private Timestamps() {
    }

    /** The column's value of an instant (null for null), cut to the millisecond. */
    static Timestamp of(Instant instant) {
        return instant == null ? null : Timestamp.from(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The instant a column's value stands for (null for null). */
    static Instant instant(Timestamp column) {
        return column == null ? null : column.toInstant();
    }
}
