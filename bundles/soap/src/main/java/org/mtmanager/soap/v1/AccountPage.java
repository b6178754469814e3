package org.mtmanager.soap.v1;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** One page of a list, with the total across all pages. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "AccountPage", propOrder = {"items", "offset", "limit", "total"})
public class AccountPage {
    public List<AccountData> items = new ArrayList<>();
    public int offset;
    public int limit;
    public long total;
}
