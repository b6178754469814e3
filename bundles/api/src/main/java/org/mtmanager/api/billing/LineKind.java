package org.mtmanager.api.billing;

/** A statement line rates usage (CHARGE) or carries a correction of an earlier, closed period (ADJUSTMENT). */
public enum LineKind {
    CHARGE, ADJUSTMENT
}
