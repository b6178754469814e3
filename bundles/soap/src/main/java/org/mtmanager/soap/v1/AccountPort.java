package org.mtmanager.soap.v1;

import java.util.List;

import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;

/**
 * The {@code AccountService} SOAP port: accounts and their whitelists, users, resource plans, settings and the
 * apps catalog, with the same rules as the REST API. Every call needs a WS-Security UsernameToken.
 */
@WebService(name = "AccountService", targetNamespace = SoapNames.NS)
public interface AccountPort {

    @WebMethod @WebResult(name = "page")
    AccountPage listAccounts(@WebParam(name = "offset") Integer offset, @WebParam(name = "limit") Integer limit,
                             @WebParam(name = "parentId") Long parentId, @WebParam(name = "type") String type,
                             @WebParam(name = "search") String search) throws MtmFault;

    @WebMethod @WebResult(name = "account")
    AccountData getAccount(@WebParam(name = "id") long id) throws MtmFault;

    @WebMethod @WebResult(name = "account")
    AccountData createAccount(@WebParam(name = "account") NewAccount account) throws MtmFault;

    @WebMethod @WebResult(name = "account")
    AccountData updateAccount(@WebParam(name = "id") long id, @WebParam(name = "name") String name,
                              @WebParam(name = "contactEmail") String contactEmail) throws MtmFault;

    @WebMethod @WebResult(name = "account")
    AccountData suspendAccount(@WebParam(name = "id") long id) throws MtmFault;

    @WebMethod @WebResult(name = "account")
    AccountData resumeAccount(@WebParam(name = "id") long id) throws MtmFault;

    @WebMethod
    void deleteAccount(@WebParam(name = "id") long id) throws MtmFault;

    @WebMethod @WebResult(name = "entry")
    List<WhitelistEntryData> getWhitelist(@WebParam(name = "accountId") long accountId) throws MtmFault;

    @WebMethod @WebResult(name = "entry")
    List<WhitelistEntryData> addToWhitelist(@WebParam(name = "accountId") long accountId,
                                            @WebParam(name = "cidr") String cidr,
                                            @WebParam(name = "description") String description) throws MtmFault;

    @WebMethod @WebResult(name = "entry")
    List<WhitelistEntryData> removeFromWhitelist(@WebParam(name = "accountId") long accountId,
                                                 @WebParam(name = "cidr") String cidr) throws MtmFault;

    @WebMethod @WebResult(name = "page")
    UserPage listUsers(@WebParam(name = "accountId") Long accountId, @WebParam(name = "offset") Integer offset,
                       @WebParam(name = "limit") Integer limit) throws MtmFault;

    @WebMethod @WebResult(name = "user")
    UserData getUser(@WebParam(name = "id") long id) throws MtmFault;

    @WebMethod @WebResult(name = "user")
    UserData createUser(@WebParam(name = "user") NewUser user) throws MtmFault;

    @WebMethod
    void deleteUser(@WebParam(name = "id") long id) throws MtmFault;

    @WebMethod
    void setPassword(@WebParam(name = "id") long id, @WebParam(name = "currentPassword") String currentPassword,
                     @WebParam(name = "newPassword") String newPassword) throws MtmFault;

    @WebMethod @WebResult(name = "user")
    UserData unlockUser(@WebParam(name = "id") long id) throws MtmFault;

    @WebMethod @WebResult(name = "plan")
    List<PlanData> listPlans() throws MtmFault;

    @WebMethod @WebResult(name = "plan")
    PlanData getPlan(@WebParam(name = "id") long id) throws MtmFault;

    @WebMethod @WebResult(name = "plan")
    PlanData createPlan(@WebParam(name = "plan") PlanData plan) throws MtmFault;

    @WebMethod @WebResult(name = "plan")
    PlanData updatePlan(@WebParam(name = "id") long id, @WebParam(name = "plan") PlanData plan) throws MtmFault;

    @WebMethod
    void deletePlan(@WebParam(name = "id") long id) throws MtmFault;

    @WebMethod @WebResult(name = "setting")
    List<SettingData> listSettings() throws MtmFault;

    @WebMethod @WebResult(name = "setting")
    SettingData setSetting(@WebParam(name = "key") String key, @WebParam(name = "value") String value) throws MtmFault;

    @WebMethod @WebResult(name = "app")
    List<AppData> listApps() throws MtmFault;

    @WebMethod @WebResult(name = "app")
    AppData getApp(@WebParam(name = "key") String key) throws MtmFault;

    @WebMethod @WebResult(name = "app")
    AppData createApp(@WebParam(name = "app") AppData app) throws MtmFault;

    @WebMethod @WebResult(name = "app")
    AppData updateApp(@WebParam(name = "key") String key, @WebParam(name = "app") AppData app) throws MtmFault;

    @WebMethod
    void deleteApp(@WebParam(name = "key") String key) throws MtmFault;
}
