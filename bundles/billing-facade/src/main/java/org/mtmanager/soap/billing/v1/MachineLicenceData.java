package org.mtmanager.soap.billing.v1;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** A machine of the inventory with what it is licensed for now. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "MachineLicenceData", propOrder = {"machineId", "serial", "hostname", "accountId", "state", "extensions",
    "tenants", "appsPerMachine", "appsPerUser"})
public class MachineLicenceData {
    public long machineId;
    public String serial;
    public String hostname;
    public long accountId;
    public String state;
    public int extensions;
    public int tenants;
    public int appsPerMachine;
    public int appsPerUser;
}
