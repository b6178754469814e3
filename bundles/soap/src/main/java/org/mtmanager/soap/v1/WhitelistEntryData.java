package org.mtmanager.soap.v1;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** A portal whitelist entry. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "WhitelistEntryData", propOrder = {"cidr", "description"})
public class WhitelistEntryData {
    public String cidr;
    public String description;
}
