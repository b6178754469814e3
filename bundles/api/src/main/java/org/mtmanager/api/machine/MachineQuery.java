package org.mtmanager.api.machine;

/** Optional filters for listing machines. */
public record MachineQuery(Long accountId, String state, String search) {
    public static final MachineQuery ALL = new MachineQuery(null, null, null);
}
