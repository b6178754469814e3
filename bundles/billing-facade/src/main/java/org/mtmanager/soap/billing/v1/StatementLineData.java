package org.mtmanager.soap.billing.v1;

import java.math.BigDecimal;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** A statement line: CHARGE (a machine and licence) or ADJUSTMENT (a correction of a closed period). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "StatementLineData", propOrder = {"kind", "machineId", "serial", "hostname", "licence", "quantity",
    "licenceDays", "unitPrice", "amount", "note"})
public class StatementLineData {
    public String kind;
    public long machineId;
    public String serial;
    public String hostname;
    public String licence;
    public int quantity;
    public BigDecimal licenceDays;
    public BigDecimal unitPrice;
    public BigDecimal amount;
    public String note;
}
