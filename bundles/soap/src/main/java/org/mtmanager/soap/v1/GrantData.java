package org.mtmanager.soap.v1;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** A service grant, with the external port that reaches it (none for web). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "GrantData", propOrder = {"id", "machineId", "source", "service", "protocol", "port", "externalPort", "expiresAt", "state", "createdBy", "createdAt"})
public class GrantData {
    public long id;
    public long machineId;
    public String source;
    public String service;
    public String protocol;
    public int port;
    public Integer externalPort;
    public String expiresAt;
    public String state;
    public String createdBy;
    public String createdAt;
}
