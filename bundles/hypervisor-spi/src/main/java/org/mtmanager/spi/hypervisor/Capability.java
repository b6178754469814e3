package org.mtmanager.spi.hypervisor;

/** Optional things a driver can do; the platform adapts (for example, no snapshot before an upgrade step). */
public enum Capability {
    SNAPSHOT, LIVE_RESIZE, CONSOLE
}
