package org.mtmanager.store.internal;

import javax.persistence.PrePersist;
import javax.persistence.PreUpdate;

import org.mtmanager.store.ColumnFit;

/** The default entity listener of the {@code mtm} unit ({@code META-INF/orm.xml}): see {@link ColumnFit}. */
public class FitToColumns {

    @PrePersist
    @PreUpdate
    public void fit(Object entity) {
        ColumnFit.fit(entity);
    }
}
