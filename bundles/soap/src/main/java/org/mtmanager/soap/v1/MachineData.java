package org.mtmanager.soap.v1;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** A machine. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "MachineData", propOrder = {"id", "serial", "hostname", "displayName", "accountId", "company", "contact", "email", "phone", "address", "taxId", "plan", "host", "driverAvailable", "internalIp", "pbxVersion", "extensions", "tenants", "lines", "state", "openUrl", "apps", "createdAt", "updatedAt"})
public class MachineData {
    public long id;
    public String serial;
    public String hostname;
    public String displayName;
    public long accountId;
    public String company;
    public String contact;
    public String email;
    public String phone;
    public String address;
    public String taxId;
    public String plan;
    public String host;
    public boolean driverAvailable;
    public String internalIp;
    public String pbxVersion;
    public int extensions;
    public int tenants;
    public int lines;
    public String state;
    public String openUrl;
    public List<String> apps = new ArrayList<>();
    public String createdAt;
    public String updatedAt;
}
