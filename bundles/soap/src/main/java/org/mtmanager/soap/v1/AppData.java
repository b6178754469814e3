package org.mtmanager.soap.v1;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** A catalog app; as input, absent values are kept on update. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "AppData", propOrder = {"key", "name", "licenceType", "description", "enabled"})
public class AppData {
    public String key;
    public String name;
    public String licenceType;
    public String description;
    public Boolean enabled;
}
