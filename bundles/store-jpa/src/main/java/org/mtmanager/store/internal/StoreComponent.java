package org.mtmanager.store.internal;

import javax.persistence.EntityManagerFactory;

import org.mtmanager.store.JpaStore;
import org.mtmanager.store.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Publishes the {@link Store} over the {@code mtm} persistence unit that Aries JPA builds from this bundle. */
@Component(service = Store.class)
public class StoreComponent implements Store {
    private final JpaStore delegate;

    @Activate
    public StoreComponent(@Reference(target = "(osgi.unit.name=mtm)") EntityManagerFactory emf) {
        this.delegate = new JpaStore(emf);
    }

    @Override
    public <T> T read(java.util.function.Function<javax.persistence.EntityManager, T> work) {
        return delegate.read(work);
    }

    @Override
    public <T> T write(java.util.function.Function<javax.persistence.EntityManager, T> work) {
        return delegate.write(work);
    }
}
