package org.mtmanager.store.testing;

import java.util.Locale;
import java.util.UUID;

/**
 * The one place tests choose their database: an in-memory Derby one by default, a fresh PostgreSQL one on
 * {@link PostgresServer} when the system property {@value #PROPERTY} is {@code postgres} (the second surefire run of
 * the store's and core's tests sets it).
 */
public final class TestDatabases {
    public static final String PROPERTY = "mtm.test.db";

    private TestDatabases() {
    }

    public static boolean postgres() {
        String db = System.getProperty(PROPERTY, "derby").trim().toLowerCase(Locale.ROOT);
        if (!db.equals("derby") && !db.equals("postgres")) {
            throw new IllegalArgumentException(PROPERTY + " must be derby or postgres, not " + db);
        }
        return db.equals("postgres");
    }

    /** A new, empty database of the chosen kind (not yet migrated); close it to drop it. */
    public static TestDatabase fresh(String purpose) {
        return postgres() ? TestDatabase.postgres(purpose) : TestDatabase.derby(purpose);
    }

    /** A new database of the chosen kind with the platform's schema (a copy of one migrated once per JVM). */
    public static TestDatabase migrated(String purpose) {
        return postgres() ? TestDatabase.postgresMigrated(purpose) : TestDatabase.derbyMigrated(purpose);
    }

    /** A new PostgreSQL database with the platform's schema, whatever {@value #PROPERTY} says. */
    public static TestDatabase postgresMigrated(String purpose) {
        return TestDatabase.postgresMigrated(purpose);
    }

    /** A new, empty in-memory Derby database, whatever {@value #PROPERTY} says. */
    public static TestDatabase derby(String purpose) {
        return TestDatabase.derby(purpose);
    }

    static String name(String purpose) {
        return purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8);
    }
}
