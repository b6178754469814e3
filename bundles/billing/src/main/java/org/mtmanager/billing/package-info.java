/**
 * Billing, a bundle of its own so that the platform runs without it, or with another billing in its place: the
 * daily usage ledger ({@link org.mtmanager.billing.UsageLedger}, configured by {@code etc/org.mtmanager.billing.cfg}),
 * price lists, monthly statements and the operators' reports, offered as the API's
 * {@link org.mtmanager.api.billing.BillingService} ({@link org.mtmanager.billing.BillingServiceImpl}).
 *
 * <p>The bundle exports nothing: the facades and everything else reach billing through that service alone. It
 * builds on the store (its usage, price list and statement tables, and the machines it reads) and on the platform
 * bundle (the caller's scope, the audit log, the duty lease that keeps the ledger on one node), never on another
 * domain's bundle; the tenant model's rule that an account with unbilled usage is not deleted reads the same
 * tables, so it holds whether billing is installed or not.
 */
package org.mtmanager.billing;
