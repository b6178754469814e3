package org.mtmanager.soap.internal;

import org.mtmanager.api.Page;
import org.mtmanager.api.account.Account;
import org.mtmanager.api.account.WhitelistEntry;
import org.mtmanager.api.app.App;
import org.mtmanager.api.app.AppDraft;
import org.mtmanager.api.plan.PlanDraft;
import org.mtmanager.api.plan.ResourcePlan;
import org.mtmanager.api.setting.Setting;
import org.mtmanager.api.user.User;
import org.mtmanager.soap.support.SoapTimes;
import org.mtmanager.soap.v1.AccountData;
import org.mtmanager.soap.v1.AccountPage;
import org.mtmanager.soap.v1.AppData;
import org.mtmanager.soap.v1.PlanData;
import org.mtmanager.soap.v1.SettingData;
import org.mtmanager.soap.v1.UserData;
import org.mtmanager.soap.v1.UserPage;
import org.mtmanager.soap.v1.WhitelistEntryData;

/** API values to and from the SOAP contract's types. */
final class Dtos {

    private Dtos() {
    }

    static AccountData account(Account a) {
        AccountData d = new AccountData();
        d.id = a.id();
        d.parentId = a.parentId();
        d.type = a.type().wireName();
        d.name = a.name();
        d.contactEmail = a.contactEmail();
        d.status = a.status().name();
        d.createdAt = SoapTimes.format(a.createdAt());
        d.updatedAt = SoapTimes.format(a.updatedAt());
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
        d.lockedUntil = SoapTimes.format(u.lockedUntil());
        d.lastLoginAt = SoapTimes.format(u.lastLoginAt());
        d.createdAt = SoapTimes.format(u.createdAt());
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
}
