package org.mtmanager.billing.facade.soap;

import java.util.List;

import javax.jws.WebService;

import org.mtmanager.api.PageRequest;
import org.mtmanager.api.billing.ActiveUsersReport;
import org.mtmanager.api.billing.BillingService;
import org.mtmanager.api.billing.MachineLicences;
import org.mtmanager.api.billing.Statement;
import org.mtmanager.api.billing.StatementLine;
import org.mtmanager.api.billing.UsageDay;
import org.mtmanager.soap.billing.v1.ActiveUsersData;
import org.mtmanager.soap.billing.v1.BillingFault;
import org.mtmanager.soap.billing.v1.BillingFaultInfo;
import org.mtmanager.soap.billing.v1.BillingNames;
import org.mtmanager.soap.billing.v1.BillingPort;
import org.mtmanager.soap.billing.v1.MachineLicenceData;
import org.mtmanager.soap.billing.v1.StatementData;
import org.mtmanager.soap.billing.v1.StatementLineData;
import org.mtmanager.soap.billing.v1.UsageData;
import org.mtmanager.soap.billing.v1.UsagePage;
import org.mtmanager.soap.support.SoapCaller;
import org.mtmanager.soap.support.SoapPort;
import org.mtmanager.soap.support.SoapTimes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@code BillingService} port: each operation is one billing service call and a conversion. */
@WebService(endpointInterface = "org.mtmanager.soap.billing.v1.BillingPort", serviceName = "BillingService",
    portName = "BillingServicePort", targetNamespace = BillingNames.NS)
@Component(service = SoapPort.class)
public class BillingPortImpl implements BillingPort, SoapPort {
    private final BillingService billing;

    @Activate
    public BillingPortImpl(@Reference BillingService billing) {
        this.billing = billing;
    }

    @Override
    public String address() {
        return "/soap/BillingService";
    }

    @Override
    public String faultNamespace() {
        return BillingNames.NS;
    }

    @Override
    public String faultName() {
        return BillingNames.FAULT;
    }

    @Override
    public UsagePage getUsage(long accountId, String period, Integer offset, Integer limit) throws BillingFault {
        return call(c -> {
            var page = billing.usage(c, accountId, period, PageRequest.of(offset, limit));
            UsagePage p = new UsagePage();
            page.items().forEach(u -> p.items.add(usage(u)));
            p.offset = page.offset();
            p.limit = page.limit();
            p.total = page.total();
            return p;
        });
    }

    @Override
    public List<StatementData> listStatements(long accountId) throws BillingFault {
        return call(c -> billing.statements(c, accountId).stream().map(BillingPortImpl::statement).toList());
    }

    @Override
    public StatementData getStatement(long accountId, String period) throws BillingFault {
        return call(c -> statement(billing.statement(c, accountId, period)));
    }

    @Override
    public StatementData closeStatement(long accountId, String period) throws BillingFault {
        return call(c -> statement(billing.close(c, accountId, period)));
    }

    @Override
    public ActiveUsersData getActiveUsersReport(Long accountId) throws BillingFault {
        return call(c -> {
            ActiveUsersReport r = billing.activeUsers(c, accountId);
            ActiveUsersData d = new ActiveUsersData();
            d.accountId = r.accountId();
            d.asOf = SoapTimes.format(r.asOf());
            d.machineCount = r.machineCount();
            d.extensions = r.extensions();
            d.tenants = r.tenants();
            r.machines().forEach(m -> d.machines.add(machine(m)));
            return d;
        });
    }

    @Override
    public List<MachineLicenceData> getMachineInventory(Long accountId) throws BillingFault {
        return call(c -> billing.activeUsers(c, accountId).machines().stream().map(BillingPortImpl::machine).toList());
    }

    // ---- conversions ---------------------------------------------------------------------------------------

    private static <T> T call(SoapCaller.Call<T> call) throws BillingFault {
        return SoapCaller.call(call, e -> {
            BillingFaultInfo info = new BillingFaultInfo();
            info.code = e.code().name();
            info.message = e.getMessage();
            info.field = e.field();
            return new BillingFault(e.getMessage(), info);
        });
    }

    private static UsageData usage(UsageDay u) {
        UsageData d = new UsageData();
        d.day = u.day();
        d.machineId = u.machineId();
        d.serial = u.serial();
        d.hostname = u.hostname();
        d.accountId = u.accountId();
        d.extensions = u.extensions();
        d.tenants = u.tenants();
        d.appsPerMachine = u.appsPerMachine();
        d.appsPerUser = u.appsPerUser();
        d.liveSeconds = u.liveSeconds();
        return d;
    }

    static StatementData statement(Statement s) {
        StatementData d = new StatementData();
        d.accountId = s.accountId();
        d.period = s.period();
        d.state = s.state().name();
        d.currency = s.currency();
        d.ratingMode = s.ratingMode().name();
        d.daysInPeriod = s.daysInPeriod();
        d.total = s.total();
        d.lineCount = s.lineCount();
        d.closedAt = SoapTimes.format(s.closedAt());
        d.closedBy = s.closedBy();
        for (StatementLine l : s.lines()) {
            StatementLineData ld = new StatementLineData();
            ld.kind = l.kind().name();
            ld.machineId = l.machineId();
            ld.serial = l.serial();
            ld.hostname = l.hostname();
            ld.licence = l.licence() == null ? null : l.licence().name();
            ld.quantity = l.quantity();
            ld.licenceDays = l.licenceDays();
            ld.unitPrice = l.unitPrice();
            ld.amount = l.amount();
            ld.note = l.note();
            d.lines.add(ld);
        }
        return d;
    }

    private static MachineLicenceData machine(MachineLicences m) {
        MachineLicenceData d = new MachineLicenceData();
        d.machineId = m.machineId();
        d.serial = m.serial();
        d.hostname = m.hostname();
        d.accountId = m.accountId();
        d.state = m.state();
        d.extensions = m.extensions();
        d.tenants = m.tenants();
        d.appsPerMachine = m.appsPerMachine();
        d.appsPerUser = m.appsPerUser();
        return d;
    }
}
