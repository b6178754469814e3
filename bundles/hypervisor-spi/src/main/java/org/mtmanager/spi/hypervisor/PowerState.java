package org.mtmanager.spi.hypervisor;

/** What a driver reports about one machine. */
public enum PowerState {
    RUNNING, STOPPED, CRASHED, UNKNOWN
}
