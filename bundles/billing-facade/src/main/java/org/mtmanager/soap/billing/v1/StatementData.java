package org.mtmanager.soap.billing.v1;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

/** A statement; the total is exactly the sum of the lines' amounts. Listings carry no lines. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "StatementData", propOrder = {"accountId", "period", "state", "currency", "ratingMode", "daysInPeriod",
    "total", "lineCount", "closedAt", "closedBy", "lines"})
public class StatementData {
    public long accountId;
    public String period;
    public String state;
    public String currency;
    public String ratingMode;
    public int daysInPeriod;
    public BigDecimal total;
    public int lineCount;
    public String closedAt;
    public String closedBy;
    @XmlElement(name = "line")
    public List<StatementLineData> lines = new ArrayList<>();
}
