package org.mtmanager.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.mtmanager.store.ChangeNotices;
import org.mtmanager.store.JpaStore;
import org.mtmanager.store.SchemaMigrations;
import org.mtmanager.store.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the {@link Store} over the {@code mtm} persistence unit that Aries JPA builds from this bundle, once the
 * unit's data source has the platform's schema: it migrates the database first ({@link SchemaMigrations}, under
 * the database's lock, so nodes that start together migrate once). A migration that fails leaves the store
 * unpublished, and so everything that needs it stopped. On PostgreSQL it listens for the other nodes' change
 * notices ({@link ChangeNotices}) while it is published.
 */
@Component(service = Store.class)
public class StoreComponent implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);
    private final JpaStore delegate;
    /** Other nodes' writes, heard on PostgreSQL; null on Derby, which serves one node. */
    private final ChangeNotices notices;

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
        this.notices = postgres(dataSource) ? ChangeNotices.listen(dataSource) : null;
    }

    @Deactivate
    void stop() {
        if (notices != null) {
            notices.close();
        }
    }

    private static boolean postgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return ChangeNotices.postgres(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read which database the store runs on: " + e.getMessage(), e);
        }
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
