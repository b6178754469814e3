package org.mtmanager.soap.v1;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** A resource-plan change request and its decision. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "PlanChangeData", propOrder = {"id", "machineId", "fromPlanId", "toPlanId", "state", "reason", "requestedBy", "requestedAt", "decidedBy", "decidedAt", "decision", "jobId"})
public class PlanChangeData {
    public long id;
    public long machineId;
    public long fromPlanId;
    public long toPlanId;
    public String state;
    public String reason;
    public String requestedBy;
    public String requestedAt;
    public String decidedBy;
    public String decidedAt;
    public String decision;
    public long jobId;
}
