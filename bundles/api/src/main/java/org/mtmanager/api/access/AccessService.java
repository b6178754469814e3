package org.mtmanager.api.access;

import org.mtmanager.api.Caller;

/** Service grants and port forwards of machines (see the package documentation). */
public interface AccessService {

    /** A machine's grants and forwards. */
    MachineAccess access(Caller caller, long machineId);

    /** Grants a source a service of a machine; a non-web service gets (or keeps) its forward. */
    Grant grant(Caller caller, long machineId, GrantRequest request);

    /** Revokes a grant at once, cutting its established connections. */
    void revoke(Caller caller, long machineId, long grantId);

    /** Compares the firewall with the database and, with {@code repair}, makes it match (platform administrators). */
    FirewallStatus sync(Caller caller, boolean repair);
}
