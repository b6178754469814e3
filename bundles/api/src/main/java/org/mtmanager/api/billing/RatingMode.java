package org.mtmanager.api.billing;

/** How a statement turns usage into an amount; each price list chooses one. */
public enum RatingMode {
    /** unit price x licence-days / days of the period: a licence used for half the month costs half. */
    PRO_RATA,
    /** unit price x the highest daily quantity of the period, for however long it lasted. */
    PEAK
}
