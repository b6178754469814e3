package org.mtmanager.api.access;

/** PENDING: stored, waiting for the firewall backend; ACTIVE: installed. */
public enum GrantState {
    PENDING, ACTIVE
}
