package org.mtmanager.soap.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.mtmanager.api.MtmException;
import org.mtmanager.api.Page;
import org.mtmanager.api.access.Grant;
import org.mtmanager.api.account.Account;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.machine.Machine;
import org.mtmanager.api.machine.PlanChange;
import org.mtmanager.api.account.WhitelistEntry;
import org.mtmanager.api.app.App;
import org.mtmanager.api.app.AppDraft;
import org.mtmanager.api.plan.PlanDraft;
import org.mtmanager.api.plan.ResourcePlan;
import org.mtmanager.api.setting.Setting;
import org.mtmanager.api.user.User;
import org.mtmanager.soap.v1.AccountData;
import org.mtmanager.soap.v1.AccountPage;
import org.mtmanager.soap.v1.AppData;
import org.mtmanager.soap.v1.GrantData;
import org.mtmanager.soap.v1.JobData;
import org.mtmanager.soap.v1.MachineData;
import org.mtmanager.soap.v1.PlanChangeData;
import org.mtmanager.soap.v1.PlanData;
import org.mtmanager.soap.v1.SettingData;
import org.mtmanager.soap.v1.UserData;
import org.mtmanager.soap.v1.UserPage;
import org.mtmanager.soap.v1.WhitelistEntryData;

/** API values to and from the SOAP contract's types. */
final class Dtos {

    private Dtos() {
    }

    /** An ISO-8601 instant from a request; a bad one names its field, as REST does. */
    static Instant instant(String field, String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw MtmException.invalid(field, "must be an ISO-8601 instant such as 2026-11-25T10:00:00Z");
        }
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
        d.expiresAt = time(g.expiresAt());
        d.state = g.state().name();
        d.createdBy = g.createdBy();
        d.createdAt = time(g.createdAt());
        return d;
    }

    static String time(Instant i) {
        return i == null ? null : i.toString();
    }

    static AccountData account(Account a) {
        AccountData d = new AccountData();
        d.id = a.id();
        d.parentId = a.parentId();
        d.type = a.type().wireName();
        d.name = a.name();
        d.contactEmail = a.contactEmail();
        d.status = a.status().name();
        d.createdAt = time(a.createdAt());
        d.updatedAt = time(a.updatedAt());
        return d;
    }

    static AccountPage accounts(Page<Account> p) {
        AccountPage d = new AccountPage();
        p.items().forEach(a -> d.items.add(account(a)));
        d.offset = p.offset();
        d.limit = p.limit();
        d.total = p.total();
        return d;
    }

    static WhitelistEntryData whitelist(WhitelistEntry e) {
        WhitelistEntryData d = new WhitelistEntryData();
        d.cidr = e.cidr();
        d.description = e.description();
        return d;
    }

    static UserData user(User u) {
        UserData d = new UserData();
        d.id = u.id();
        d.accountId = u.accountId();
        d.username = u.username();
        d.role = u.role().wireName();
        d.fullName = u.fullName();
        d.email = u.email();
        d.lockedUntil = time(u.lockedUntil());
        d.lastLoginAt = time(u.lastLoginAt());
        d.createdAt = time(u.createdAt());
        return d;
    }

    static UserPage users(Page<User> p) {
        UserPage d = new UserPage();
        p.items().forEach(u -> d.items.add(user(u)));
        d.offset = p.offset();
        d.limit = p.limit();
        d.total = p.total();
        return d;
    }

    static PlanData plan(ResourcePlan p) {
        PlanData d = new PlanData();
        d.id = p.id();
        d.ownerAccountId = p.ownerAccountId();
        d.name = p.name();
        d.tier = p.tier();
        d.vcpu = p.vcpu();
        d.memoryMb = p.memoryMb();
        d.diskGb = p.diskGb();
        d.maxExtensions = p.maxExtensions();
        d.maxTenants = p.maxTenants();
        d.maxConcurrentCalls = p.maxConcurrentCalls();
        return d;
    }

    static PlanDraft planDraft(PlanData d) {
        PlanData p = d == null ? new PlanData() : d;
        return new PlanDraft(p.name, p.tier, p.vcpu, p.memoryMb, p.diskGb, p.maxExtensions, p.maxTenants,
            p.maxConcurrentCalls);
    }

    static AppData app(App a) {
        AppData d = new AppData();
        d.key = a.key();
        d.name = a.name();
        d.licenceType = a.licenceType().name();
        d.description = a.description();
        d.enabled = a.enabled();
        return d;
    }

    static AppDraft appDraft(AppData d) {
        AppData a = d == null ? new AppData() : d;
        return new AppDraft(a.key, a.name, a.licenceType, a.description, a.enabled);
    }

    static SettingData setting(Setting s) {
        SettingData d = new SettingData();
        d.key = s.key();
        d.type = s.type().name();
        d.value = s.value();
        d.locked = s.locked();
        d.description = s.description();
        d.lockReason = s.lockReason();
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
        d.createdAt = time(m.createdAt());
        d.updatedAt = time(m.updatedAt());
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
        d.createdAt = time(j.createdAt());
        d.updatedAt = time(j.updatedAt());
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
        d.requestedAt = time(p.requestedAt());
        d.decidedBy = p.decidedBy();
        d.decidedAt = time(p.decidedAt());
        d.decision = p.decision();
        d.jobId = p.jobId();
        return d;
    }
}
