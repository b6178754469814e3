package org.mtmanager.api.billing;

/** An open statement is recomputed from the ledger on every read; a closed one is stored and never changes. */
public enum StatementState {
    OPEN, CLOSED
}
