package org.mtmanager.api.job;

/**
 * Where a job is. WAITING: its host or driver is unavailable (it runs when they return), or an attempt failed in a
 * way that may pass and the job is tried again at its next attempt time. FAILED: it could not be done, its
 * attempts ran out, or a stop, start or delete of its machine replaced it while it waited for a host or driver that
 * is gone (its error says so); its machine is left in ERROR (which it can be started, stopped or deleted from),
 * or after a failed upgrade step as the step's rollback left it.
 */
public enum JobState {
    QUEUED, RUNNING, WAITING, SUCCEEDED, FAILED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
