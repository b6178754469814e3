package org.mtmanager.store.internal;

import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.mtmanager.store.JpaStore;
import org.mtmanager.store.SchemaMigrations;
import org.mtmanager.store.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the {@link Store} over the {@code mtm} persistence unit that Aries JPA builds from this bundle, once the
 * unit's data source has the platform's schema: it migrates the database first ({@link SchemaMigrations}, under
 * the database's lock, so nodes that start together migrate once). A migration that fails leaves the store
 * unpublished, and so everything that needs it stopped.
 */
@Component(service = Store.class)
public class StoreComponent implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);
    private final JpaStore delegate;

    @Activate
    public StoreComponent(@Reference(target = "(osgi.jndi.service.name=mtm)") DataSource dataSource,
                          @Reference(target = "(osgi.unit.name=mtm)") EntityManagerFactory emf) {
        try {
            SchemaMigrations.migrate(dataSource);
        } catch (RuntimeException e) {
            LOG.error("The store is not started: {}. Fix the database (etc/org.ops4j.datasource-mtm.cfg) and restart.",
                e.getMessage(), e);
            throw e;
        }
        this.delegate = new JpaStore(emf);
    }

    @Override
    public <T> T read(Function<EntityManager, T> work) {
        return delegate.read(work);
    }

    @Override
    public <T> T write(Function<EntityManager, T> work) {
        return delegate.write(work);
    }
}
