package org.mtmanager.access.did;

import javax.persistence.EntityManager;

import org.mtmanager.machine.deletion.DeletionStep;
import org.mtmanager.machine.deletion.MachineDeletion;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.store.entity.MachineEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A deleted machine's DID routes go with it, each removal audited. */
@Component(service = MachineDeletion.class)
@DeletionStep("did")
public class DidRelease implements MachineDeletion {
    private final AuditLog audit;

    @Activate
    public DidRelease(@Reference AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public Runnable deleting(EntityManager em, MachineEntity machine, String requestedBy) {
        MachineRoutes.removeAll(em, audit, machine, requestedBy);
        return () -> { };
    }
}
