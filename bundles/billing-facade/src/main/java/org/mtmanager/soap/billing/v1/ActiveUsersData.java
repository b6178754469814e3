package org.mtmanager.soap.billing.v1;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

/** The active-users report: every licensed extension across a subtree's machines, with totals. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ActiveUsersData", propOrder = {"accountId", "asOf", "machineCount", "extensions", "tenants", "machines"})
public class ActiveUsersData {
    public long accountId;
    public String asOf;
    public long machineCount;
    public long extensions;
    public long tenants;
    @XmlElement(name = "machine")
    public List<MachineLicenceData> machines = new ArrayList<>();
}
