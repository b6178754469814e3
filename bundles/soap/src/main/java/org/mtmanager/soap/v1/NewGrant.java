package org.mtmanager.soap.v1;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** A service grant asked for: a source may reach a service of a machine (SIP is locked). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "NewGrant", propOrder = {"source", "service", "name", "port", "protocol", "expiresAt"})
public class NewGrant {
    public String source;
    public String service;
    public String name;
    public Integer port;
    public String protocol;
    public String expiresAt;
}
