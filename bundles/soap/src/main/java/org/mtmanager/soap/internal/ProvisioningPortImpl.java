package org.mtmanager.soap.internal;

import static org.mtmanager.soap.internal.SoapCalls.call;

import javax.jws.WebService;

import org.mtmanager.api.MtmException;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.job.JobService;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.api.machine.Machine;
import org.mtmanager.api.machine.MachineQuery;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.api.machine.MachineService;
import org.mtmanager.soap.v1.JobData;
import org.mtmanager.soap.v1.MachineData;
import org.mtmanager.soap.v1.MachinePage;
import org.mtmanager.soap.v1.MtmFault;
import org.mtmanager.soap.v1.NewMachine;
import org.mtmanager.soap.v1.ProvisioningPort;
import org.mtmanager.soap.v1.SoapNames;

/** The {@code ProvisioningService} port: each operation is one or two service calls. */
@WebService(endpointInterface = "org.mtmanager.soap.v1.ProvisioningPort", serviceName = "ProvisioningService",
    portName = "ProvisioningServicePort", targetNamespace = SoapNames.NS)
public class ProvisioningPortImpl implements ProvisioningPort {
    private final MachineService machines;
    private final JobService jobs;

    public ProvisioningPortImpl(MachineService machines, JobService jobs) {
        this.machines = machines;
        this.jobs = jobs;
    }

    @Override
    public JobData createMachine(NewMachine m, String idempotencyKey) throws MtmFault {
        return call(c -> {
            if (m == null) {
                throw MtmException.invalid("machine", "is required");
            }
            long draft = machines.saveDraft(c, new MachineRequest(m.accountId, m.hostname, m.displayName,
                new CustomerData(m.company, m.contact, m.email, m.phone, m.address, m.taxId), m.plan, m.extensions,
                m.tenants)).id();
            return job(machines.create(c, draft, idempotencyKey));
        });
    }

    @Override
    public MachinePage listMachines(Integer offset, Integer limit, Long accountId, String state, String search) throws MtmFault {
        return call(c -> {
            var page = machines.list(c, new MachineQuery(accountId, state, search), PageRequest.of(offset, limit));
            MachinePage p = new MachinePage();
            page.items().forEach(m -> p.items.add(machine(m)));
            p.offset = page.offset();
            p.limit = page.limit();
            p.total = page.total();
            return p;
        });
    }

    @Override
    public MachineData getMachine(long id) throws MtmFault {
        return call(c -> machine(machines.get(c, id)));
    }

    @Override
    public JobData stopMachine(long id, boolean confirm, String idempotencyKey) throws MtmFault {
        return call(c -> job(machines.stop(c, id, confirm, idempotencyKey)));
    }

    @Override
    public JobData startMachine(long id, String idempotencyKey) throws MtmFault {
        return call(c -> job(machines.start(c, id, idempotencyKey)));
    }

    @Override
    public JobData deleteMachine(long id, boolean confirm, String idempotencyKey) throws MtmFault {
        return call(c -> job(machines.delete(c, id, confirm, idempotencyKey)));
    }

    @Override
    public JobData upgradeMachine(long id, String password, String idempotencyKey) throws MtmFault {
        return call(c -> job(machines.upgrade(c, id, password, idempotencyKey)));
    }

    @Override
    public JobData getJob(long id) throws MtmFault {
        return call(c -> job(jobs.get(c, id)));
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
        d.state = m.state().name();
        d.openUrl = m.openUrl();
        d.apps.addAll(m.apps());
        d.createdAt = Dtos.time(m.createdAt());
        d.updatedAt = Dtos.time(m.updatedAt());
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
        d.createdAt = Dtos.time(j.createdAt());
        d.updatedAt = Dtos.time(j.updatedAt());
        return d;
    }
}
