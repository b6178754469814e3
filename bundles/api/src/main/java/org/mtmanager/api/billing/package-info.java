/**
 * Billing: the licence usage ledger (one {@link org.mtmanager.api.billing.UsageDay} per machine per day), price
 * lists, monthly statements and the operators' reports.
 *
 * <p>Names used everywhere (REST, SOAP, console): a <em>licence</em> is one of the four {@link
 * org.mtmanager.api.billing.Licence} types; <em>usage</em> is the daily ledger; <em>licence-days</em> are a
 * quantity times the fraction of each day a machine existed; a <em>period</em> is a calendar month in UTC written
 * {@code 2024-02}; a <em>statement</em> is one account's bill for one period, open until closed; a
 * <em>correction</em> of a closed period becomes an adjustment line of the next open period.
 */
@Version("1.0.0")
package org.mtmanager.api.billing;

import org.osgi.annotation.versioning.Version;
