package org.mtmanager.platform.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.openjpa.persistence.OpenJPAEntityManager;
import org.apache.openjpa.persistence.OpenJPAPersistence;

/**
 * Which database the platform runs on, from the connection's own metadata: the one place that tells, for the few
 * statements written for each (a claim with {@code FOR UPDATE SKIP LOCKED} exists on PostgreSQL, not on Derby).
 */
enum Database {
    POSTGRESQL, DERBY;

    /** The database behind the entity manager's connection (the one of its current transaction). */
    static Database of(EntityManager em) {
        try {
            return of(connection(em));
        } catch (SQLException e) {
            throw failed("read which database this is", e);
        }
    }

    static Database of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("postgres") ? POSTGRESQL : DERBY;
    }

    /**
     * The connection of the entity manager's transaction, with the transaction begun on it: statements on it
     * commit or roll back with the entity manager's own writes. (OpenJPA begins a JDBC transaction only when it
     * flushes; until then its connection commits each statement by itself.) It belongs to the entity manager,
     * which closes it.
     */
    static Connection connection(EntityManager em) {
        OpenJPAEntityManager jpa = OpenJPAPersistence.cast(em);
        if (!jpa.isStoreActive()) {
            jpa.beginStore();
        }
        return (Connection) jpa.getConnection();
    }

    /**
     * A JDBC failure as the store reports database failures (it tells a conflict from the rest by the SQL state
     * in the cause, and may run a unit of work again after a deadlock).
     */
    static PersistenceException failed(String what, SQLException e) {
        return new PersistenceException("could not " + what + ": " + e.getMessage(), e);
    }
}
