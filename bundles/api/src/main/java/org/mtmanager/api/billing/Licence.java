package org.mtmanager.api.billing;

/**
 * What partners pay for, each priced on its own in a price list. An app's licence type in the catalog
 * ({@link org.mtmanager.api.app.LicenceType}) decides which of the two app licences an activated app counts as.
 */
public enum Licence {
    /** A machine's licensed extensions (its MT users). */
    USER,
    /** A machine's licensed tenants. */
    TENANT,
    /** One per activated app licensed per machine. */
    APP_PER_MACHINE,
    /** One per extension for each activated app licensed per user. */
    APP_PER_USER
}
