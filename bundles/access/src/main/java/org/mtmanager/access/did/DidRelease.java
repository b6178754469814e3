package org.mtmanager.access.did;

import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;

import org.mtmanager.machine.deletion.DeletionStep;
import org.mtmanager.machine.deletion.MachineDeletion;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.store.entity.MachineEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A deleted machine's DID routes go with it, each removal audited and, once committed, heard of (the SIP edge). */
@Component(service = MachineDeletion.class)
@DeletionStep("did")
public class DidRelease implements MachineDeletion {
    private final AuditLog audit;
    private final DidRouteEvents events;

    @Activate
    public DidRelease(@Reference AuditLog audit, @Reference DidRouteEvents events) {
        this.audit = audit;
        this.events = events;
    }

    /** A release whose removals no one hears of. */
    public DidRelease(AuditLog audit) {
        this(audit, DidRouteEvents.none());
    }

    @Override
    public Runnable deleting(EntityManager em, MachineEntity machine, String requestedBy) {
        List<String> removed = MachineRoutes.removeAll(em, audit, machine, requestedBy);
        return removed.isEmpty() ? () -> { } : () -> events.changed(Set.copyOf(removed));
    }
}
