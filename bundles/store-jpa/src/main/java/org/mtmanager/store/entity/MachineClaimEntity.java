package org.mtmanager.store.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * A value that one live machine at a time holds: its internal address ({@code address:10.100.0.10}) or its
 * hostname ({@code hostname:pbx-a}). The primary key makes two live holders impossible, across nodes; a deleted
 * machine's row is taken over by the next machine given the value, and its version refuses a second taker of the
 * same freed value.
 */
@Entity
@Table(name = "MTM_MACHINE_CLAIM")
public class MachineClaimEntity {
    public static final String ADDRESS = "address:";
    public static final String HOSTNAME = "hostname:";

    @Id @Column(length = 80)
    private String claim;
    private long machineId;
    @Version
    private long version;

    public String getClaim() {
        return claim;
    }

    public void setClaim(String claim) {
        this.claim = claim;
    }

    public long getMachineId() {
        return machineId;
    }

    public void setMachineId(long machineId) {
        this.machineId = machineId;
    }
}
