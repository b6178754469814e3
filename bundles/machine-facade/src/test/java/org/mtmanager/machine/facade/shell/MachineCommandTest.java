package org.mtmanager.machine.facade.shell;

import static org.junit.Assert.assertEquals;

import java.time.Instant;

import org.junit.Test;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.job.JobState;
import org.mtmanager.api.job.JobType;

/** How the console shows a job's progress. */
public class MachineCommandTest {
    private static Job job(JobState state, String step, int percent) {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        return new Job(7, JobType.CREATE, 3, state, step, percent, 0, null, null, null, null, "admin", now, now);
    }

    @Test
    public void aStepThatOnlyRepeatsTheStateIsNotPrintedTwice() {
        assertEquals("0% QUEUED", MachineCommand.progress(job(JobState.QUEUED, "queued", 0)));
        assertEquals("0% QUEUED", MachineCommand.progress(job(JobState.QUEUED, null, 0)));
        assertEquals("10% RUNNING creating the machine on host local",
            MachineCommand.progress(job(JobState.RUNNING, "creating the machine on host local", 10)));
    }
}
