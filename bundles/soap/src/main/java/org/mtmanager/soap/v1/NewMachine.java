package org.mtmanager.soap.v1;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** Step 1 of createMachine: the customer-data form. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "NewMachine", propOrder = {"accountId", "hostname", "displayName", "company", "contact", "email", "phone", "address", "taxId", "plan", "extensions", "tenants", "lines"})
public class NewMachine {
    public Long accountId;
    public String hostname;
    public String displayName;
    public String company;
    public String contact;
    public String email;
    public String phone;
    public String address;
    public String taxId;
    public String plan;
    public Integer extensions;
    public Integer tenants;
    public Integer lines;
}
