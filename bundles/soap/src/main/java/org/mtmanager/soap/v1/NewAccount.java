package org.mtmanager.soap.v1;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** What createAccount takes; parentId absent means the caller's own account. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "NewAccount", propOrder = {"parentId", "type", "name", "contactEmail"})
public class NewAccount {
    public Long parentId;
    public String type;
    public String name;
    public String contactEmail;
}
