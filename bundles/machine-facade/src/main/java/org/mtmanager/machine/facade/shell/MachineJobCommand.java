package org.mtmanager.machine.facade.shell;

import org.apache.karaf.shell.api.action.Option;
import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.job.Job;

/**
 * A machine command that starts a job (stop, start, upgrade, delete): the idempotency key and {@code --no-wait}
 * it takes, and how it follows the job it started.
 */
public abstract class MachineJobCommand extends MachineCommand {

    /** How long a command follows its job before it gives up watching (the job itself goes on). */
    static final int FOLLOW_SECONDS = 600;

    @Option(name = "--key", description = "Idempotency key")
    String key;

    @Option(name = "--no-wait", description = "Return at once instead of following the job")
    boolean noWait;

    /**
     * With {@code --no-wait}, prints the job and returns; otherwise prints its progress until it ends and fails the
     * command when the job failed, so that a script sees the failure in the command's outcome as well as in its
     * output.
     */
    protected void follow(Caller c, Job job) throws InterruptedException {
        if (noWait) {
            done(job, "job " + job.id() + " " + job.state());
            return;
        }
        Job end = watch(c, job, FOLLOW_SECONDS);
        if (end.error() != null) {
            throw new MtmException(ErrorCode.CONFLICT, "the job failed: " + end.error());
        }
    }
}
