package org.mtmanager.store.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * An internal address taken by a machine. The primary key makes two live machines with one address impossible,
 * across nodes; a deleted machine's row is taken over by the next machine given its address, and its version
 * refuses a second taker of the same freed address.
 */
@Entity
@Table(name = "MTM_INTERNAL_ADDRESS")
public class InternalAddressEntity {
    @Id @Column(length = 15)
    private String address;
    private long machineId;
    @Version
    private long version;

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public long getMachineId() {
        return machineId;
    }

    public void setMachineId(long machineId) {
        this.machineId = machineId;
    }
}
