package org.mtmanager.machine.facade.shell;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.console.Session;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.job.JobService;
import org.mtmanager.api.job.JobState;
import org.mtmanager.api.job.JobType;

/** How a machine command follows the job it started: what it prints, and when it fails. */
public class MachineJobCommandTest {
    private static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final List<Long> read = new ArrayList<>();

    private static Job job(JobState state, int percent, String result, String error) {
        return new Job(7, JobType.STOP, 3, state, null, percent, 0, null, result, error, null, "admin", AT, AT);
    }

    /** A command whose job service answers the given job, and whose console is {@link #printed}. */
    private MachineJobCommand command(Job answer) {
        PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Session consoleSession = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
            (proxy, method, args) -> {
                if (method.getName().equals("getConsole")) {
                    return console;
                }
                throw new UnsupportedOperationException(method.getName());
            });
        MachineJobCommand command = new MachineJobCommand() {
            {
                session = consoleSession;
            }

            @Override
            protected void run(Caller caller) {
            }
        };
        command.jobs = new JobService() {
            @Override
            public Job get(Caller caller, long id) {
                read.add(id);
                return answer;
            }

            @Override
            public Page<Job> list(Caller caller, Long machineId, PageRequest page) {
                throw new UnsupportedOperationException();
            }
        };
        return command;
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void aJobThatSucceedsPrintsItsProgressAndResult() throws Exception {
        command(job(JobState.SUCCEEDED, 100, "stopped", null)).follow(null, job(JobState.QUEUED, 0, null, null));
        assertEquals(List.of(7L), read);
        assertEquals("job 7: 100% SUCCEEDED\nstopped\n", output().replace("\r\n", "\n"));
    }

    @Test
    public void aJobThatFailsFailsTheCommandAfterPrintingWhy() throws Exception {
        try {
            command(job(JobState.FAILED, 40, null, "host unreachable")).follow(null, job(JobState.QUEUED, 0, null, null));
            fail("a failed job must fail the command");
        } catch (MtmException e) {
            assertEquals(ErrorCode.CONFLICT, e.code());
            assertEquals("the job failed: host unreachable", e.getMessage());
        }
        assertEquals("job 7: 40% FAILED\nfailed: host unreachable\n", output().replace("\r\n", "\n"));
    }

    @Test
    public void withNoWaitItPrintsTheJobAndDoesNotFollowIt() throws Exception {
        MachineJobCommand command = command(job(JobState.FAILED, 40, null, "never read"));
        command.noWait = true;
        command.follow(null, job(JobState.QUEUED, 0, null, null));
        assertTrue("the job is not read again", read.isEmpty());
        assertEquals("job 7 QUEUED\n", output().replace("\r\n", "\n"));
    }
}
