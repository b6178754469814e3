package org.mtmanager.machine.deletion;

import javax.persistence.EntityManager;

import org.mtmanager.store.entity.MachineEntity;

/**
 * Something another capability releases when a machine is deleted. Called inside the transaction that marks the
 * machine DELETED, so the release and the deletion commit together; the returned action runs after the commit
 * (to change infrastructure, which no transaction covers).
 *
 * <p>A hook is a DS component named by {@link DeletionStep} ({@code @DeletionStep("access")}): while its bundle is
 * installed, no deletion completes without it, so a deletion that comes while the hook is not there (the platform
 * starting, the bundle restarting) waits for it instead of leaving the machine's grants or routes behind.
 */
public interface MachineDeletion {
    /** @param requestedBy who asked for the deletion (the delete job's creator), for the audit */
    Runnable deleting(EntityManager em, MachineEntity machine, String requestedBy);
}
