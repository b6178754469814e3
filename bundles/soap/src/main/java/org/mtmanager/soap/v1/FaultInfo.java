package org.mtmanager.soap.v1;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** The detail of every fault: the same code, message and field as a REST error. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "FaultInfo", propOrder = {"code", "message", "field"})
public class FaultInfo {
    public String code;
    public String message;
    public String field;
}
