package org.mtmanager.machine.facade.soap;

import java.util.List;

import javax.jws.WebService;

import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.access.AccessService;
import org.mtmanager.api.access.GrantRequest;
import org.mtmanager.api.job.JobService;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.api.machine.MachineQuery;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.api.machine.MachineService;
import org.mtmanager.api.user.AuthService;
import org.mtmanager.soap.support.SoapCaller;
import org.mtmanager.soap.support.SoapPort;
import org.mtmanager.soap.support.SoapTimes;
import org.mtmanager.soap.v1.GrantData;
import org.mtmanager.soap.v1.JobData;
import org.mtmanager.soap.v1.MachineData;
import org.mtmanager.soap.v1.MachinePage;
import org.mtmanager.soap.v1.MtmFault;
import org.mtmanager.soap.v1.NewGrant;
import org.mtmanager.soap.v1.NewMachine;
import org.mtmanager.soap.v1.PlanChangeData;
import org.mtmanager.soap.v1.ProvisioningPort;
import org.mtmanager.soap.v1.SoapNames;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@code ProvisioningService} port: each operation is one or two service calls. The v1 contract spans machines
 * and their grants, so the port comes with machines, and its grant operations answer NOT_FOUND while network
 * access is not installed (as its REST paths do), and work again as soon as it is.
 */
@WebService(endpointInterface = "org.mtmanager.soap.v1.ProvisioningPort", serviceName = "ProvisioningService",
    portName = "ProvisioningServicePort", targetNamespace = SoapNames.NS)
@Component(service = SoapPort.class)
public class ProvisioningPortImpl implements ProvisioningPort, SoapPort {
    private final MachineService machines;
    private final JobService jobs;

    private final AuthService auth;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    private volatile AccessService access;

    @Activate
    public ProvisioningPortImpl(@Reference MachineService machines, @Reference JobService jobs, @Reference AuthService auth) {
        this.auth = auth;
        this.machines = machines;
        this.jobs = jobs;
    }

    private static <T> T call(SoapCaller.Call<T> call) throws MtmFault {
        return SoapCaller.call(call, MtmFault::of);
    }

    /** Network access, or the refusal that says it is not installed. */
    private AccessService access() {
        AccessService a = access;
        if (a == null) {
            throw new MtmException(ErrorCode.NOT_FOUND, "network access (grants) is not installed on this platform");
        }
        return a;
    }

    @Override
    public String address() {
        return "/soap/ProvisioningService";
    }

    @Override
    public String faultNamespace() {
        return SoapNames.NS;
    }

    @Override
    public String faultName() {
        return "MtmFault";
    }

    @Override
    public GrantData grantAccess(long machineId, NewGrant g) throws MtmFault {
        return call(c -> {
            if (g == null) {
                throw MtmException.invalid("grant", "is required");
            }
            return ProvisioningDtos.grant(access().grant(c, machineId, new GrantRequest(g.source, g.service, g.name,
                g.port, g.protocol, g.expiresAt == null ? null : SoapTimes.parse("expiresAt", g.expiresAt))));
        });
    }

    @Override
    public void revokeAccess(long machineId, long grantId) throws MtmFault {
        call(c -> {
            access().revoke(c, machineId, grantId);
            return null;
        });
    }

    @Override
    public List<GrantData> listAccess(long machineId) throws MtmFault {
        return call(c -> {
            var a = access().access(c, machineId);
            return a.grants().stream().map(ProvisioningDtos::grant).toList();
        });
    }

    @Override
    public JobData createMachine(NewMachine m, String idempotencyKey) throws MtmFault {
        return call(c -> {
            if (m == null) {
                throw MtmException.invalid("machine", "is required");
            }
            long draft = machines.saveDraft(c, new MachineRequest(m.accountId, m.hostname, m.displayName,
                new CustomerData(m.company, m.contact, m.email, m.phone, m.address, m.taxId), m.plan, m.extensions,
                m.tenants, m.lines)).id();
            return ProvisioningDtos.job(machines.create(c, draft, idempotencyKey));
        });
    }

    @Override
    public MachinePage listMachines(Integer offset, Integer limit, Long accountId, String state, String search, Long after)
        throws MtmFault {
        return call(c -> {
            var page = machines.list(c, new MachineQuery(accountId, state, search), PageRequest.of(offset, limit, after));
            MachinePage p = new MachinePage();
            page.items().forEach(m -> p.items.add(ProvisioningDtos.machine(m)));
            p.offset = page.offset();
            p.limit = page.limit();
            p.total = page.total();
            p.next = page.next();
            return p;
        });
    }

    @Override
    public MachineData getMachine(long id) throws MtmFault {
        return call(c -> ProvisioningDtos.machine(machines.get(c, id)));
    }

    @Override
    public JobData stopMachine(long id, boolean confirm, String idempotencyKey) throws MtmFault {
        return call(c -> ProvisioningDtos.job(machines.stop(c, id, confirm, idempotencyKey)));
    }

    @Override
    public JobData startMachine(long id, String idempotencyKey) throws MtmFault {
        return call(c -> ProvisioningDtos.job(machines.start(c, id, idempotencyKey)));
    }

    @Override
    public JobData deleteMachine(long id, boolean confirm, String idempotencyKey) throws MtmFault {
        return call(c -> ProvisioningDtos.job(machines.delete(c, id, confirm, idempotencyKey)));
    }

    @Override
    public JobData upgradeMachine(long id, String password, String idempotencyKey) throws MtmFault {
        return call(c -> ProvisioningDtos.job(machines.upgrade(password == null ? c
            : auth.reauthenticate(c, password, SoapCaller.httpHeader(SoapCaller.OTP_HEADER)), id, idempotencyKey)));
    }

    @Override
    public MachineData activateApp(long id, String appKey) throws MtmFault {
        return call(c -> ProvisioningDtos.machine(machines.activateApp(c, id, appKey)));
    }

    @Override
    public MachineData deactivateApp(long id, String appKey) throws MtmFault {
        return call(c -> ProvisioningDtos.machine(machines.deactivateApp(c, id, appKey)));
    }

    @Override
    public PlanChangeData requestPlanChange(long machineId, String plan, String reason) throws MtmFault {
        return call(c -> ProvisioningDtos.planChange(machines.requestPlanChange(c, machineId, plan, reason)));
    }

    @Override
    public List<PlanChangeData> listPlanChanges(String state) throws MtmFault {
        return call(c -> machines.planChanges(c, state).stream().map(ProvisioningDtos::planChange).toList());
    }

    @Override
    public PlanChangeData decidePlanChange(long id, boolean approve, String note) throws MtmFault {
        return call(c -> ProvisioningDtos.planChange(machines.decidePlanChange(c, id, approve, note)));
    }

    @Override
    public JobData getJob(long id) throws MtmFault {
        return call(c -> ProvisioningDtos.job(jobs.get(c, id)));
    }
}
