package org.mtmanager.soap.billing.v1;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** The detail of every billing fault: the same code ({@code org.mtmanager.api.ErrorCode}), message and field as REST. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "FaultInfo", propOrder = {"code", "message", "field"})
public class BillingFaultInfo {
    public String code;
    public String message;
    public String field;
}
