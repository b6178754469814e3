package org.mtmanager.api.job;

/** Where a job is. WAITING: its host's driver is unavailable; it runs when the driver returns. */
public enum JobState {
    QUEUED, RUNNING, WAITING, SUCCEEDED, FAILED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
