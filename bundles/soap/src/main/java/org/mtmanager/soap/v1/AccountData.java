package org.mtmanager.soap.v1;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** An account. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "AccountData", propOrder = {"id", "parentId", "type", "name", "contactEmail", "status", "createdAt", "updatedAt"})
public class AccountData {
    public long id;
    public long parentId;
    public String type;
    public String name;
    public String contactEmail;
    public String status;
    public String createdAt;
    public String updatedAt;
}
