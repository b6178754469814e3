package org.mtmanager.soap.v1;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** A platform setting. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "SettingData", propOrder = {"key", "type", "value", "locked", "description", "lockReason"})
public class SettingData {
    public String key;
    public String type;
    public String value;
    public boolean locked;
    public String description;
    public String lockReason;
}
