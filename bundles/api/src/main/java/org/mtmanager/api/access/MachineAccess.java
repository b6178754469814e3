package org.mtmanager.api.access;

import java.util.List;

/** A machine's grants and forwards: what to use, from where. */
public record MachineAccess(long machineId, String internalIp, List<Grant> grants, List<PortForward> forwards) {
    public MachineAccess {
        grants = List.copyOf(grants);
        forwards = List.copyOf(forwards);
    }
}
