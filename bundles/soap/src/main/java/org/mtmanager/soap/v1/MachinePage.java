package org.mtmanager.soap.v1;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** One page of machines, with the total across all pages and the {@code after} of the next page (none on the last). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "MachinePage", propOrder = {"items", "offset", "limit", "total", "next"})
public class MachinePage {
    public List<MachineData> items = new ArrayList<>();
    public int offset;
    public int limit;
    public long total;
    public Long next;
}
