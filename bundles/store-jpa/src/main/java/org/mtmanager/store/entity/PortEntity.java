package org.mtmanager.store.entity;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** An external port of the platform's public address, owned by one machine's service: the primary key makes two owners of one port impossible, and the unique (machine, service) keeps a service on its port. */
@Entity
@Table(name = "MTM_PORT", uniqueConstraints = @UniqueConstraint(name = "UQ_PORT_SERVICE", columnNames = {"MACHINEID", "SERVICE"}),
    indexes = @Index(name = "IX_PORT_MACHINE", columnList = "MACHINEID"))
public class PortEntity {
    @Id
    private int externalPort;
    private long machineId;
    @Column(length = 40, nullable = false)
    private String service;
    @Column(length = 3, nullable = false)
    private String protocol;
    private int port;
    private Timestamp createdAt;

    public int getExternalPort() {
        return externalPort;
    }

    public void setExternalPort(int externalPort) {
        this.externalPort = externalPort;
    }

    public long getMachineId() {
        return machineId;
    }

    public void setMachineId(long machineId) {
        this.machineId = machineId;
    }

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public Instant getCreatedAt() {
        return Timestamps.instant(createdAt);
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = Timestamps.of(createdAt);
    }
}
