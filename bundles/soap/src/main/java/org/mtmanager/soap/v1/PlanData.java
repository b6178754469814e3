package org.mtmanager.soap.v1;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** A resource plan; as input, absent values are kept on update. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "PlanData", propOrder = {"id", "ownerAccountId", "name", "tier", "vcpu", "memoryMb", "diskGb", "maxExtensions", "maxTenants", "maxConcurrentCalls"})
public class PlanData {
    public Long id;
    public Long ownerAccountId;
    public String name;
    public Integer tier;
    public Integer vcpu;
    public Integer memoryMb;
    public Integer diskGb;
    public Integer maxExtensions;
    public Integer maxTenants;
    public Integer maxConcurrentCalls;
}
