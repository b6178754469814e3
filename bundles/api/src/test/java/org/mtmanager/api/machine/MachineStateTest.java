package org.mtmanager.api.machine;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class MachineStateTest {

    @Test
    public void onlyAStoppedMachineCanBeDeleted() {
        assertTrue(MachineState.STOPPED.canMoveTo(MachineState.DELETING));
        assertFalse(MachineState.RUNNING.canMoveTo(MachineState.DELETING));
        assertFalse(MachineState.STARTING.canMoveTo(MachineState.DELETING));
    }

    @Test
    public void deletedIsFinal() {
        assertTrue(MachineState.DELETED.next().isEmpty());
    }

    @Test
    public void transientStatesMeanAJobIsRunning() {
        for (MachineState s : MachineState.values()) {
            boolean expected = s == MachineState.CREATING || s == MachineState.STOPPING || s == MachineState.STARTING
                || s == MachineState.UPGRADING || s == MachineState.DELETING;
            assertTrue(s.name(), s.isTransient() == expected);
        }
    }

    @Test
    public void everyStateButDeletedCanFailAndEveryTransientStateCanEnd() {
        for (MachineState s : MachineState.values()) {
            if (s != MachineState.DELETED && s != MachineState.ERROR) {
                assertTrue(s.name(), s.canMoveTo(MachineState.ERROR));
            }
            if (s.isTransient()) {
                assertTrue(s.name(), s.next().stream().anyMatch(n -> !n.isTransient()));
            }
        }
    }
}
