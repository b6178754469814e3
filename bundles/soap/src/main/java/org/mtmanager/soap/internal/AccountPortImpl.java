package org.mtmanager.soap.internal;

import static org.mtmanager.soap.internal.SoapCalls.call;

import java.util.List;

import javax.jws.WebService;

import org.mtmanager.api.MtmException;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.account.AccountChange;
import org.mtmanager.api.account.AccountDraft;
import org.mtmanager.api.account.AccountQuery;
import org.mtmanager.api.account.AccountService;
import org.mtmanager.api.account.WhitelistEntry;
import org.mtmanager.api.app.AppService;
import org.mtmanager.api.plan.PlanService;
import org.mtmanager.api.setting.SettingService;
import org.mtmanager.api.user.UserDraft;
import org.mtmanager.api.user.UserService;
import org.mtmanager.soap.support.SoapPort;
import org.mtmanager.soap.v1.AccountData;
import org.mtmanager.soap.v1.AccountPage;
import org.mtmanager.soap.v1.AccountPort;
import org.mtmanager.soap.v1.AppData;
import org.mtmanager.soap.v1.MtmFault;
import org.mtmanager.soap.v1.NewAccount;
import org.mtmanager.soap.v1.NewUser;
import org.mtmanager.soap.v1.PlanData;
import org.mtmanager.soap.v1.SettingData;
import org.mtmanager.soap.v1.SoapNames;
import org.mtmanager.soap.v1.UserData;
import org.mtmanager.soap.v1.UserPage;
import org.mtmanager.soap.v1.WhitelistEntryData;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@code AccountService} port: each operation is one service call. */
@WebService(endpointInterface = "org.mtmanager.soap.v1.AccountPort", serviceName = "AccountService",
    portName = "AccountServicePort", targetNamespace = SoapNames.NS)
@Component(service = SoapPort.class)
public class AccountPortImpl implements AccountPort, SoapPort {
    private final AccountService accounts;
    private final UserService users;
    private final PlanService plans;
    private final SettingService settings;
    private final AppService apps;

    @Activate
    public AccountPortImpl(@Reference AccountService accounts, @Reference UserService users, @Reference PlanService plans, @Reference SettingService settings, @Reference AppService apps) {
        this.accounts = accounts;
        this.users = users;
        this.plans = plans;
        this.settings = settings;
        this.apps = apps;
    }

    @Override
    public String address() {
        return "/soap/AccountService";
    }

    @Override
    public String faultNamespace() {
        return SoapNames.NS;
    }

    @Override
    public String faultName() {
        return "MtmFault";
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw MtmException.invalid(field, "is required");
        }
        return value;
    }

    @Override
    public AccountPage listAccounts(Integer offset, Integer limit, Long parentId, String type, String search) throws MtmFault {
        return call(c -> Dtos.accounts(accounts.list(c, new AccountQuery(parentId, type, search), PageRequest.of(offset, limit))));
    }

    @Override
    public AccountData getAccount(long id) throws MtmFault {
        return call(c -> Dtos.account(accounts.get(c, id)));
    }

    @Override
    public AccountData createAccount(NewAccount a) throws MtmFault {
        return call(c -> {
            NewAccount n = required("account", a);
            return Dtos.account(accounts.create(c, new AccountDraft(n.parentId, n.type, n.name, n.contactEmail)));
        });
    }

    @Override
    public AccountData updateAccount(long id, String name, String contactEmail) throws MtmFault {
        return call(c -> Dtos.account(accounts.update(c, id, new AccountChange(name, contactEmail))));
    }

    @Override
    public AccountData suspendAccount(long id) throws MtmFault {
        return call(c -> Dtos.account(accounts.suspend(c, id)));
    }

    @Override
    public AccountData resumeAccount(long id) throws MtmFault {
        return call(c -> Dtos.account(accounts.resume(c, id)));
    }

    @Override
    public void deleteAccount(long id) throws MtmFault {
        call(c -> {
            accounts.delete(c, id);
            return null;
        });
    }

    @Override
    public List<WhitelistEntryData> getWhitelist(long accountId) throws MtmFault {
        return call(c -> accounts.whitelist(c, accountId).stream().map(Dtos::whitelist).toList());
    }

    @Override
    public List<WhitelistEntryData> addToWhitelist(long accountId, String cidr, String description) throws MtmFault {
        return call(c -> accounts.addToWhitelist(c, accountId, new WhitelistEntry(cidr, description)).stream()
            .map(Dtos::whitelist).toList());
    }

    @Override
    public List<WhitelistEntryData> removeFromWhitelist(long accountId, String cidr) throws MtmFault {
        return call(c -> accounts.removeFromWhitelist(c, accountId, cidr).stream().map(Dtos::whitelist).toList());
    }

    @Override
    public UserPage listUsers(Long accountId, Integer offset, Integer limit) throws MtmFault {
        return call(c -> Dtos.users(users.list(c, accountId, PageRequest.of(offset, limit))));
    }

    @Override
    public UserData getUser(long id) throws MtmFault {
        return call(c -> Dtos.user(users.get(c, id)));
    }

    @Override
    public UserData createUser(NewUser u) throws MtmFault {
        return call(c -> {
            NewUser n = required("user", u);
            return Dtos.user(users.create(c, new UserDraft(n.accountId, n.username, n.password, n.role, n.fullName, n.email)));
        });
    }

    @Override
    public void deleteUser(long id) throws MtmFault {
        call(c -> {
            users.delete(c, id);
            return null;
        });
    }

    @Override
    public void setPassword(long id, String currentPassword, String newPassword) throws MtmFault {
        call(c -> {
            users.setPassword(c, id, currentPassword, newPassword);
            return null;
        });
    }

    @Override
    public UserData unlockUser(long id) throws MtmFault {
        return call(c -> Dtos.user(users.unlock(c, id)));
    }

    @Override
    public List<PlanData> listPlans() throws MtmFault {
        return call(c -> plans.list(c).stream().map(Dtos::plan).toList());
    }

    @Override
    public PlanData getPlan(long id) throws MtmFault {
        return call(c -> Dtos.plan(plans.get(c, id)));
    }

    @Override
    public PlanData createPlan(PlanData plan) throws MtmFault {
        return call(c -> Dtos.plan(plans.create(c, Dtos.planDraft(required("plan", plan)))));
    }

    @Override
    public PlanData updatePlan(long id, PlanData plan) throws MtmFault {
        return call(c -> Dtos.plan(plans.update(c, id, Dtos.planDraft(required("plan", plan)))));
    }

    @Override
    public void deletePlan(long id) throws MtmFault {
        call(c -> {
            plans.delete(c, id);
            return null;
        });
    }

    @Override
    public List<SettingData> listSettings() throws MtmFault {
        return call(c -> settings.list(c).stream().map(Dtos::setting).toList());
    }

    @Override
    public SettingData setSetting(String key, String value) throws MtmFault {
        return call(c -> Dtos.setting(settings.set(c, key, value)));
    }

    @Override
    public List<AppData> listApps() throws MtmFault {
        return call(c -> apps.list(c).stream().map(Dtos::app).toList());
    }

    @Override
    public AppData getApp(String key) throws MtmFault {
        return call(c -> Dtos.app(apps.get(c, key)));
    }

    @Override
    public AppData createApp(AppData app) throws MtmFault {
        return call(c -> Dtos.app(apps.create(c, Dtos.appDraft(required("app", app)))));
    }

    @Override
    public AppData updateApp(String key, AppData app) throws MtmFault {
        return call(c -> Dtos.app(apps.update(c, key, Dtos.appDraft(required("app", app)))));
    }

    @Override
    public void deleteApp(String key) throws MtmFault {
        call(c -> {
            apps.delete(c, key);
            return null;
        });
    }
}
