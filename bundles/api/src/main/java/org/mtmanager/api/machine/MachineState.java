package org.mtmanager.api.machine;

import java.util.EnumSet;
import java.util.Set;

/**
 * A machine's lifecycle. The transient states (CREATING, STOPPING, STARTING, UPGRADING, DELETING) are held while
 * a job runs; the stable ones are where a machine rests. DELETED is final: the record stays for billing and audit.
 */
public enum MachineState {
    CREATING, RUNNING, STOPPING, STOPPED, STARTING, UPGRADING, DELETING, DELETED, ERROR;

    /** The states this one may move to. */
    public Set<MachineState> next() {
        return switch (this) {
            case CREATING -> EnumSet.of(RUNNING, ERROR, DELETING);
            case RUNNING -> EnumSet.of(STOPPING, UPGRADING, ERROR);
            case STOPPING -> EnumSet.of(STOPPED, ERROR);
            case STOPPED -> EnumSet.of(STARTING, UPGRADING, DELETING, ERROR);
            case STARTING -> EnumSet.of(RUNNING, ERROR);
            case UPGRADING -> EnumSet.of(RUNNING, STOPPED, ERROR);
            case DELETING -> EnumSet.of(DELETED, ERROR);
            case DELETED -> EnumSet.noneOf(MachineState.class);
            // From ERROR an operator retries the operation that failed, or deletes; reconciliation may also
            // find the machine healthy again.
            case ERROR -> EnumSet.of(STARTING, STOPPING, DELETING, RUNNING, STOPPED);
        };
    }

    public boolean canMoveTo(MachineState target) {
        return next().contains(target);
    }

    /** Whether a job is under way (no other operation may start). */
    public boolean isTransient() {
        return this == CREATING || this == STOPPING || this == STARTING || this == UPGRADING || this == DELETING;
    }
}
