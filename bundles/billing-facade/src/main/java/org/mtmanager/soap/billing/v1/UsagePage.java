package org.mtmanager.soap.billing.v1;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** One page of ledger records, with the total across all pages. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "UsagePage", propOrder = {"items", "offset", "limit", "total"})
public class UsagePage {
    public List<UsageData> items = new ArrayList<>();
    public int offset;
    public int limit;
    public long total;
}
