package org.mtmanager.soap.v1;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** A long operation on a machine. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "JobData", propOrder = {"id", "type", "machineId", "state", "step", "percent", "result", "error", "idempotencyKey", "createdAt", "updatedAt"})
public class JobData {
    public long id;
    public String type;
    public long machineId;
    public String state;
    public String step;
    public int percent;
    public String result;
    public String error;
    public String idempotencyKey;
    public String createdAt;
    public String updatedAt;
}
