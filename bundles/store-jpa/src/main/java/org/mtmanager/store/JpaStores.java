package org.mtmanager.store;

import java.util.HashMap;
import java.util.Map;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

/**
 * Builds a store outside OSGi, on an embedded Derby database: for unit tests and benchmarks. The platform
 * itself gets its store from {@code StoreComponent}, over the data source configured in Karaf.
 */
public final class JpaStores {

    private JpaStores() {
    }

    /**
     * @param derbyUrl e.g. {@code jdbc:derby:memory:test1;create=true}
     */
    public static EntityManagerFactory embeddedFactory(String derbyUrl) {
        Map<String, Object> props = new HashMap<>();
        props.put("openjpa.ConnectionDriverName", "org.apache.derby.jdbc.EmbeddedDriver");
        props.put("openjpa.ConnectionURL", derbyUrl);
        // The unit names an OSGi service as its data source; here the URL above takes its place.
        props.put("javax.persistence.nonJtaDataSource", "");
        props.put("openjpa.ConnectionFactory2Name", "");
        props.put("openjpa.ConnectionFactoryName", "");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("mtm", props);
        emf.createEntityManager().close();
        return emf;
    }

    public static JpaStore embedded(String derbyUrl) {
        return new JpaStore(embeddedFactory(derbyUrl));
    }
}
