package org.mtmanager.soap.v1;

import java.util.List;

import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;

/**
 * The {@code ProvisioningService} SOAP port: machines and their jobs, with the same rules as REST. Long operations
 * return the job at once; poll {@code getJob}. Every call needs a WS-Security UsernameToken.
 */
@WebService(name = "ProvisioningService", targetNamespace = SoapNames.NS)
public interface ProvisioningPort {

    /** Both steps of creating a machine in one call: the form is validated, then the machine created. */
    @WebMethod @WebResult(name = "job")
    JobData createMachine(@WebParam(name = "machine") NewMachine machine,
                          @WebParam(name = "idempotencyKey") String idempotencyKey) throws MtmFault;

    @WebMethod @WebResult(name = "grant")
    GrantData grantAccess(@WebParam(name = "machineId") long machineId, @WebParam(name = "grant") NewGrant grant) throws MtmFault;

    @WebMethod
    void revokeAccess(@WebParam(name = "machineId") long machineId, @WebParam(name = "grantId") long grantId) throws MtmFault;

    @WebMethod @WebResult(name = "grant")
    List<GrantData> listAccess(@WebParam(name = "machineId") long machineId) throws MtmFault;

    @WebMethod @WebResult(name = "page")
    MachinePage listMachines(@WebParam(name = "offset") Integer offset, @WebParam(name = "limit") Integer limit,
                             @WebParam(name = "accountId") Long accountId, @WebParam(name = "state") String state,
                             @WebParam(name = "search") String search, @WebParam(name = "after") Long after) throws MtmFault;

    @WebMethod @WebResult(name = "machine")
    MachineData getMachine(@WebParam(name = "id") long id) throws MtmFault;

    @WebMethod @WebResult(name = "job")
    JobData stopMachine(@WebParam(name = "id") long id, @WebParam(name = "confirm") boolean confirm,
                        @WebParam(name = "idempotencyKey") String idempotencyKey) throws MtmFault;

    @WebMethod @WebResult(name = "job")
    JobData startMachine(@WebParam(name = "id") long id, @WebParam(name = "idempotencyKey") String idempotencyKey)
        throws MtmFault;

    @WebMethod @WebResult(name = "job")
    JobData deleteMachine(@WebParam(name = "id") long id, @WebParam(name = "confirm") boolean confirm,
                          @WebParam(name = "idempotencyKey") String idempotencyKey) throws MtmFault;

    @WebMethod @WebResult(name = "job")
    JobData upgradeMachine(@WebParam(name = "id") long id, @WebParam(name = "password") String password,
                           @WebParam(name = "idempotencyKey") String idempotencyKey) throws MtmFault;

    @WebMethod @WebResult(name = "machine")
    MachineData activateApp(@WebParam(name = "id") long id, @WebParam(name = "appKey") String appKey) throws MtmFault;

    @WebMethod @WebResult(name = "machine")
    MachineData deactivateApp(@WebParam(name = "id") long id, @WebParam(name = "appKey") String appKey) throws MtmFault;

    @WebMethod @WebResult(name = "planChange")
    PlanChangeData requestPlanChange(@WebParam(name = "machineId") long machineId, @WebParam(name = "plan") String plan,
                                     @WebParam(name = "reason") String reason) throws MtmFault;

    @WebMethod @WebResult(name = "planChange")
    List<PlanChangeData> listPlanChanges(@WebParam(name = "state") String state) throws MtmFault;

    /** Platform administrators only. */
    @WebMethod @WebResult(name = "planChange")
    PlanChangeData decidePlanChange(@WebParam(name = "id") long id, @WebParam(name = "approve") boolean approve,
                                    @WebParam(name = "note") String note) throws MtmFault;

    @WebMethod @WebResult(name = "job")
    JobData getJob(@WebParam(name = "id") long id) throws MtmFault;
}
