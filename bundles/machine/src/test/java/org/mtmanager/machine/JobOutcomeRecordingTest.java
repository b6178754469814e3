package org.mtmanager.machine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.mtmanager.machine.JobEngineTest.await;

import java.time.Duration;
import java.util.List;

import org.junit.Test;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.job.JobState;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.platform.cluster.JobLease;
import org.mtmanager.platform.cluster.JobLeases;
import org.mtmanager.platform.cluster.LeaseLostException;
import org.mtmanager.platform.cluster.LocalNode;
import org.mtmanager.store.entity.JobEntity;

/**
 * A job's outcome is recorded whatever the database does: a refused progress write is a failed attempt, a job no
 * worker runs any more is run again once its lease has run out, one whose outcome cannot be written is run only as
 * often as its attempts allow, and a final job is never written again.
 */
public class JobOutcomeRecordingTest extends RetryingNodeTest {
    @Test
    public void theDatabaseRefusingAJobsProgressIsAFailedAttemptToo() throws Exception {
        start();
        store.refuse(1); // the engine's first write: the create's progress
        Job job = create("pbx-refused");

        await(() -> row(job.id()).getAttempts() == 1);
        assertEquals("attempt 1 of 3 failed, next in 10 s: the platform could not carry on: the database refused it: "
            + "A truncation error was encountered trying to shrink VARCHAR 'x' to length 200.", row(job.id()).getStep());

        clock.advance(BACKOFF);
        engine.poll();
        await(() -> jobState(job.id()) == JobState.SUCCEEDED);
        assertEquals(MachineState.RUNNING, machineState(job));
    }

    @Test
    public void aJobThatNoWorkerRunsAnyMoreIsRunAgainWithoutARestart() throws Exception {
        start(Duration.ofMillis(20));
        // The create's end and then its failed attempt are refused: the worker leaves the job as a dying one would.
        store.refuse(2, 3);
        Job job = create("pbx-orphan");

        await(() -> store.writes.get() >= 3);
        JobEntity left = row(job.id());
        assertEquals(JobState.RUNNING.name(), left.getState());
        assertEquals("creating the machine on host h1", left.getStep());
        assertEquals(10, left.getPercent());
        assertEquals(MachineState.CREATING, machineState(job));
        assertEquals("n1", left.getLeaseOwner());
        assertEquals("its lease still holds", List.of(), engine.poll());

        clock.advance(LEASE.plusSeconds(1));
        await(() -> jobState(job.id()) == JobState.SUCCEEDED); // by the engine's own polls
        assertEquals(MachineState.RUNNING, machineState(job));
        assertEquals(1, driver.machines.size());
    }

    @Test
    public void aJobWhoseOutcomeCannotBeRecordedIsRunOnlyAsOftenAsItsAttemptsThenFailed() throws Exception {
        start();
        store.refuse(1, 2, 3, 4, 5, 6); // three runs, each refused its progress and then its failed attempt
        Job job = create("pbx-unrecorded");
        for (int run = 1; run <= 3; run++) {
            int writes = 2 * run;
            await(() -> store.writes.get() >= writes && !engine.running(job.id()));
            assertEquals(JobState.QUEUED, jobState(job.id()));
            assertEquals("its lease holds until it runs out", List.of(), engine.poll());
            clock.advance(LEASE.plusSeconds(1));
            assertEquals("its lease ran out: claimed again", List.of(job.id()), engine.poll());
        }
        await(() -> jobState(job.id()) == JobState.FAILED);
        assertEquals("gave up after 3 attempts whose outcome could not be recorded (their node stopped, or the database"
            + " refused it; the server logs say why)", row(job.id()).getError());
        assertEquals(MachineState.ERROR, machineState(job));
        assertEquals(0, driver.machines.size());
        assertEquals(7, store.writes.get());
        assertEquals(null, row(job.id()).getLeaseOwner());
        assertEquals(null, row(job.id()).getOpenMachineId());
    }

    @Test
    public void aJobWhoseFailureCannotBeRecordedEitherIsFailedByALaterClaimAndNeverRunAgain() throws Exception {
        start();
        store.refuse(1, 2, 3, 4, 5, 6, 7); // the failure after three runs too
        Job job = create("pbx-unrecordable");
        for (int run = 1; run <= 4; run++) {
            int writes = run == 4 ? 7 : 2 * run;
            await(() -> store.writes.get() >= writes && !engine.running(job.id()));
            assertEquals(JobState.QUEUED, jobState(job.id()));
            clock.advance(LEASE.plusSeconds(1));
            assertEquals(List.of(job.id()), engine.poll());
        }
        await(() -> jobState(job.id()) == JobState.FAILED);
        assertEquals("the fifth claim only wrote the failure", 8, store.writes.get());
        assertEquals(MachineState.ERROR, machineState(job));
    }

    @Test
    public void aDeletionHookFailingAfterTheCommitLeavesTheJobDone() throws Exception {
        start();
        engine.addDeletionStep((em, m, by) -> () -> {
            throw new IllegalStateException("the firewall could not be reached");
        }, "access");
        Job job = create("pbx-hook");
        await(() -> jobState(job.id()) == JobState.SUCCEEDED);
        Job stop = machines.stop(f.admin, job.machineId(), true, null);
        await(() -> jobState(stop.id()) == JobState.SUCCEEDED);

        Job delete = machines.delete(f.admin, job.machineId(), true, null);
        await(() -> jobState(delete.id()).isFinal() && !engine.running(delete.id()) || row(delete.id()).getAttempts() > 0);
        JobEntity done = row(delete.id());
        assertEquals(JobState.SUCCEEDED.name(), done.getState());
        assertEquals(0, done.getAttempts());
        assertEquals(MachineState.DELETED, machineState(job));
    }

    @Test
    public void aFinalJobIsNotWrittenAgainWhateverIsReportedForItLater() throws Exception {
        start();
        Job job = create("pbx-final");
        await(() -> jobState(job.id()) == JobState.SUCCEEDED && !engine.running(job.id()));
        JobLeases leases = new JobLeases(LocalNode.named("n1"), clock);
        JobRecords records = new JobRecords(f.store, clock, RetryPolicy.DEFAULT, DeletionSteps.none(), leases, new JobDurations());
        JobLease last = new JobLease(job.id(), row(job.id()).getFence(), 1);
        assertThrows(LeaseLostException.class, () -> records.failedAttempt(last, "late"));
        assertThrows(LeaseLostException.class, () -> records.fail(last, MachineState.ERROR, "later"));
        assertThrows(LeaseLostException.class, () -> records.waiting(last, "waiting for host h1"));
        assertThrows(LeaseLostException.class, () -> records.progress(last, "creating", 10));
        JobEntity row = row(job.id());
        assertEquals(JobState.SUCCEEDED.name(), row.getState());
        assertEquals(0, row.getAttempts());
        assertEquals("done", row.getStep());
        assertEquals(null, row.getError());
        assertEquals(MachineState.RUNNING, machineState(job));
    }
}
