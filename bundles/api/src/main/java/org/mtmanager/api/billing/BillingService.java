package org.mtmanager.api.billing;

import java.util.List;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;

/**
 * Usage, price lists, statements and reports of the caller's subtree. Reading needs only to see the account;
 * prices, closing and corrections belong to whoever bills the account: its ancestors' writers, or a platform
 * administrator (an account never sets its own prices nor closes its own statements).
 */
public interface BillingService {

    /** The ledger records of the account's subtree in one period (YYYY-MM), by day then machine. */
    Page<UsageDay> usage(Caller caller, long accountId, String period, PageRequest page);

    /** All of those records as CSV. */
    String usageCsv(Caller caller, long accountId, String period);

    /** Records every complete day still missing from the ledger; platform administrators only. */
    LedgerRun recordUsage(Caller caller);

    /** The account's price list: its own, or the nearest ancestor's. NOT_FOUND when no account up the tree has one. */
    PriceList priceList(Caller caller, long accountId);

    PriceList setPriceList(Caller caller, long accountId, PriceListDraft draft);

    /** Removes the account's own list; it inherits again. */
    void deletePriceList(Caller caller, long accountId);

    /** The account's closed statements, newest first, without their lines. */
    List<Statement> statements(Caller caller, long accountId);

    /** One statement with its lines: the stored one once closed, else computed from the ledger so far. */
    Statement statement(Caller caller, long accountId, String period);

    String statementCsv(Caller caller, long accountId, String period);

    /** Closes an ended period; closing it again returns the same statement. */
    Statement close(Caller caller, long accountId, String period);

    /** Corrects a closed period; returns the (open) statement that carries the adjustment. */
    Statement correct(Caller caller, long accountId, String period, Correction correction);

    /** The active-users report of the account's subtree (null: the caller's own account). */
    ActiveUsersReport activeUsers(Caller caller, Long accountId);

    String activeUsersCsv(Caller caller, Long accountId);
}
