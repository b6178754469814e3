package org.mtmanager.machine.facade.soap;

import org.mtmanager.api.access.Grant;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.machine.Machine;
import org.mtmanager.api.machine.PlanChange;
import org.mtmanager.soap.support.SoapTimes;
import org.mtmanager.soap.v1.GrantData;
import org.mtmanager.soap.v1.JobData;
import org.mtmanager.soap.v1.MachineData;
import org.mtmanager.soap.v1.PlanChangeData;

/** Machines, jobs, plan changes and grants as the ProvisioningService contract's types. */
final class ProvisioningDtos {

    private ProvisioningDtos() {
    }

    static GrantData grant(Grant g) {
        GrantData d = new GrantData();
        d.id = g.id();
        d.machineId = g.machineId();
        d.source = g.source();
        d.service = g.service();
        d.protocol = g.protocol();
        d.port = g.port();
        d.externalPort = g.externalPort();
        d.expiresAt = SoapTimes.format(g.expiresAt());
        d.state = g.state().name();
        d.createdBy = g.createdBy();
        d.createdAt = SoapTimes.format(g.createdAt());
        return d;
    }

    static MachineData machine(Machine m) {
        MachineData d = new MachineData();
        d.id = m.id();
        d.serial = m.serial();
        d.hostname = m.hostname();
        d.displayName = m.displayName();
        d.accountId = m.accountId();
        d.company = m.customer().company();
        d.contact = m.customer().contact();
        d.email = m.customer().email();
        d.phone = m.customer().phone();
        d.address = m.customer().address();
        d.taxId = m.customer().taxId();
        d.plan = m.planName();
        d.host = m.host();
        d.driverAvailable = m.driverAvailable();
        d.internalIp = m.internalIp();
        d.pbxVersion = m.pbxVersion();
        d.extensions = m.extensions();
        d.tenants = m.tenants();
        d.lines = m.lines();
        d.state = m.state().name();
        d.openUrl = m.openUrl();
        d.apps.addAll(m.apps());
        d.createdAt = SoapTimes.format(m.createdAt());
        d.updatedAt = SoapTimes.format(m.updatedAt());
        return d;
    }

    static JobData job(Job j) {
        JobData d = new JobData();
        d.id = j.id();
        d.type = j.type().name();
        d.machineId = j.machineId();
        d.state = j.state().name();
        d.step = j.step();
        d.percent = j.percent();
        d.result = j.result();
        d.error = j.error();
        d.idempotencyKey = j.idempotencyKey();
        d.createdAt = SoapTimes.format(j.createdAt());
        d.updatedAt = SoapTimes.format(j.updatedAt());
        return d;
    }

    static PlanChangeData planChange(PlanChange p) {
        PlanChangeData d = new PlanChangeData();
        d.id = p.id();
        d.machineId = p.machineId();
        d.fromPlanId = p.fromPlanId();
        d.toPlanId = p.toPlanId();
        d.state = p.state();
        d.reason = p.reason();
        d.requestedBy = p.requestedBy();
        d.requestedAt = SoapTimes.format(p.requestedAt());
        d.decidedBy = p.decidedBy();
        d.decidedAt = SoapTimes.format(p.decidedAt());
        d.decision = p.decision();
        d.jobId = p.jobId();
        return d;
    }
}
