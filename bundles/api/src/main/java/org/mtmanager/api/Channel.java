package org.mtmanager.api;

/** The facade a request came through; recorded in the audit log. */
public enum Channel {
    REST, SOAP, SHELL, PORTAL, SYSTEM
}
