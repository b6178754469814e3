package org.mtmanager.api.app;

/** How an app is counted for billing. */
public enum LicenceType {
    PER_MACHINE, PER_USER
}
