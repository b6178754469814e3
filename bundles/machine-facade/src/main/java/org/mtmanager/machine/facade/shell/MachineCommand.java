package org.mtmanager.machine.facade.shell;

import java.io.IOException;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.mtmanager.api.Caller;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.job.JobService;
import org.mtmanager.api.machine.Machine;
import org.mtmanager.api.machine.MachineService;
import org.mtmanager.shell.support.JsonOut;
import org.mtmanager.shell.support.Machines;
import org.mtmanager.shell.support.MtmCommand;

/** What the machine commands share: finding a machine by id or hostname, confirmations, and waiting for jobs. */
public abstract class MachineCommand extends MtmCommand {

    @Reference
    protected MachineService machines;

    @Reference
    protected JobService jobs;

    /** Finds a machine by id, or by hostname among the caller's machines. */
    protected Machine machine(Caller c, String idOrHostname) {
        return Machines.find(machines, c, idOrHostname);
    }

    /** True when --confirm was given or the user answers yes at the prompt. */
    protected boolean confirmed(boolean flag, String question) throws IOException {
        if (flag) {
            return true;
        }
        String answer;
        try {
            answer = session.readLine(question + " [y/N] ", null);
        } catch (IOException | RuntimeException noTerminal) {
            // A script or a closed input cannot answer: that is a no.
            return false;
        }
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }

    /** A job's progress in one line; the step only where it says more than the state ("QUEUED", not "QUEUED queued"). */
    static String progress(Job job) {
        String step = job.step() == null || job.step().isBlank() || job.step().equalsIgnoreCase(job.state().name())
            ? "" : " " + job.step();
        return job.percent() + "% " + job.state() + step;
    }

    /** Prints a job's progress until it ends, or until the timeout. */
    protected Job watch(Caller c, Job job, int timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        String last = null;
        Job current = job;
        while (true) {
            current = jobs.get(c, current.id());
            String line = progress(current);
            if (!line.equals(last) && !json) {
                out().println("job " + current.id() + ": " + line);
                last = line;
            }
            if (current.state().isFinal() || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(200);
        }
        if (!json) {
            out().println(current.error() != null ? "failed: " + current.error()
                : current.result() != null ? current.result() : "still " + current.state() + " after " + timeoutSeconds + " s");
        } else {
            out().println(JsonOut.write(current));
        }
        return current;
    }
}
