package org.mtmanager.api.account;

/** A suspended account's users, and those of its whole subtree, cannot log in. */
public enum AccountStatus {
    ACTIVE, SUSPENDED
}
