package org.mtmanager.store.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.mtmanager.store.JpaStore;
import org.mtmanager.store.SchemaMigrations;

/**
 * Builds a store outside OSGi, for unit tests and benchmarks, on an embedded Derby database or a PostgreSQL one: it
 * migrates the database's schema first ({@link SchemaMigrations}), as the platform does at start. The platform
 * itself gets its store from {@code StoreComponent}, over the data source configured in Karaf. Test support: it is
 * in the test-jar (with OpenJPA and the JDBC drivers on the test's class path), not in the bundle.
 */
public final class JpaStores {

    private JpaStores() {
    }

    /**
     * @param derbyUrl e.g. {@code jdbc:derby:memory:test1;create=true}
     */
    public static EntityManagerFactory embeddedFactory(String derbyUrl) {
        return factory(derbyUrl, null, null);
    }

    public static JpaStore embedded(String derbyUrl) {
        return new JpaStore(embeddedFactory(derbyUrl));
    }

    /**
     * An entity manager factory on the database of a JDBC URL ({@code jdbc:derby:...} or {@code jdbc:postgresql:...}),
     * whose schema is migrated first.
     *
     * @param user null for none
     * @param password null for none
     */
    public static EntityManagerFactory factory(String url, String user, String password) {
        return factory(url, user, password, Map.of());
    }

    /** As {@link #factory(String, String, String)}, with more (or other) properties of the unit. */
    public static EntityManagerFactory factory(String url, String user, String password, Map<String, ?> properties) {
        try (Connection c = user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password)) {
            SchemaMigrations.migrate(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + url + ": " + e.getMessage(), e);
        }
        return connect(url, user, password, properties);
    }

    /** As {@link #factory(String, String, String, Map)} on a database whose schema is known to be migrated already. */
    public static EntityManagerFactory connect(String url, String user, String password, Map<String, ?> properties) {
        Map<String, Object> props = new HashMap<>();
        props.put("openjpa.ConnectionDriverName", driver(url));
        props.put("openjpa.ConnectionURL", url);
        if (user != null) {
            props.put("openjpa.ConnectionUserName", user);
            props.put("openjpa.ConnectionPassword", password == null ? "" : password);
        }
        // The unit names an OSGi service as its data source; here the URL above takes its place.
        props.put("javax.persistence.nonJtaDataSource", "");
        props.put("openjpa.ConnectionFactory2Name", "");
        props.put("openjpa.ConnectionFactoryName", "");
        props.putAll(properties);
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("mtm", props);
        emf.createEntityManager().close();
        return emf;
    }

    private static String driver(String url) {
        if (url.startsWith("jdbc:derby:")) {
            return "org.apache.derby.jdbc.EmbeddedDriver";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.Driver";
        }
        throw new IllegalArgumentException("not a Derby or PostgreSQL JDBC URL: " + url);
    }
}
