package org.mtmanager.soap.billing.v1;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** One ledger record: a machine on a day (ISO date, UTC) and the seconds of it the machine existed. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "UsageData", propOrder = {"day", "machineId", "serial", "hostname", "accountId", "extensions", "tenants",
    "appsPerMachine", "appsPerUser", "liveSeconds"})
public class UsageData {
    public String day;
    public long machineId;
    public String serial;
    public String hostname;
    public long accountId;
    public int extensions;
    public int tenants;
    public int appsPerMachine;
    public int appsPerUser;
    public int liveSeconds;
}
