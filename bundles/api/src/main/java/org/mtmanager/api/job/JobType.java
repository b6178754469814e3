package org.mtmanager.api.job;

/** The operation a job performs on a machine. */
public enum JobType {
    CREATE, START, STOP, DELETE, UPGRADE, RESIZE
}
