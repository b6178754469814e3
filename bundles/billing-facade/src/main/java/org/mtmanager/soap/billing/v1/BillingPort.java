package org.mtmanager.soap.billing.v1;

import java.util.List;

import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;

/**
 * The {@code BillingService} SOAP port for operators' billing systems: usage, statements, the active-users report
 * and the machine inventory, with the same rules and scoping as REST. Every call needs a WS-Security
 * UsernameToken; periods are months written YYYY-MM (UTC).
 */
@WebService(name = "BillingService", targetNamespace = BillingNames.NS)
public interface BillingPort {

    /** The daily ledger records of an account's subtree in a period, by day then machine. */
    @WebMethod @WebResult(name = "page")
    UsagePage getUsage(@WebParam(name = "accountId") long accountId, @WebParam(name = "period") String period,
                       @WebParam(name = "offset") Integer offset, @WebParam(name = "limit") Integer limit) throws BillingFault;

    /** The account's closed statements, newest first, without lines. */
    @WebMethod @WebResult(name = "statement")
    List<StatementData> listStatements(@WebParam(name = "accountId") long accountId) throws BillingFault;

    /** One statement with its lines: the stored one once closed, else as it stands. */
    @WebMethod @WebResult(name = "statement")
    StatementData getStatement(@WebParam(name = "accountId") long accountId, @WebParam(name = "period") String period)
        throws BillingFault;

    /** Closes an ended period; closing it again returns the same statement. */
    @WebMethod @WebResult(name = "statement")
    StatementData closeStatement(@WebParam(name = "accountId") long accountId, @WebParam(name = "period") String period)
        throws BillingFault;

    /** Every active MT user across the machines of a subtree (no accountId: the caller's own account). */
    @WebMethod @WebResult(name = "report")
    ActiveUsersData getActiveUsersReport(@WebParam(name = "accountId") Long accountId) throws BillingFault;

    /** The machines of a subtree (not deleted) with their licence counts. */
    @WebMethod @WebResult(name = "machine")
    List<MachineLicenceData> getMachineInventory(@WebParam(name = "accountId") Long accountId) throws BillingFault;
}
