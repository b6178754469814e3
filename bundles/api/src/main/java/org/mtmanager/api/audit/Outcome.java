package org.mtmanager.api.audit;

/** How an audited action ended. */
public enum Outcome {
    SUCCESS,
    /** Refused by a rule or a permission: nothing was changed. */
    DENIED,
    /** Attempted but failed: nothing was changed. */
    FAILED
}
