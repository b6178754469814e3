package org.mtmanager.core.machine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.core.machine.JobEngineTest.await;

import java.io.StringReader;
import java.io.StringWriter;
import java.sql.SQLDataException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.job.JobState;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.core.CoreFixture;
import org.mtmanager.core.TestClock;
import org.mtmanager.core.cluster.JobLease;
import org.mtmanager.core.cluster.JobLeases;
import org.mtmanager.core.cluster.LeaseLostException;
import org.mtmanager.core.cluster.LocalNode;
import org.mtmanager.spi.hypervisor.DriverException;
import org.mtmanager.spi.hypervisor.HostSettings;
import org.mtmanager.spi.hypervisor.HypervisorDriver;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.JobEntity;

/**
 * Whatever an attempt throws ends in a recorded outcome: tried again after growing pauses, then FAILED with the
 * machine in ERROR; and a job that no worker runs any more is run again, once its lease has run out, without a
 * restart. The clock is moved by hand, so pauses and leases take no time.
 */
public class JobRetryTest {
    /** Three attempts, 10 s and then 20 s apart. */
    private static final Duration BACKOFF = Duration.ofSeconds(10);
    private static final Duration LEASE = Duration.ofSeconds(10);

    @Rule
    public final CoreFixture f = new CoreFixture();

    private final TestClock clock = new TestClock(Instant.now());
    private final Infrastructure infra = new Infrastructure();
    private final JobEngineTest.MemoryDriver driver = new JobEngineTest.MemoryDriver();
    private RefusingStore store;
    private TestNode node;
    private JobEngine engine;
    private MachineServiceImpl machines;

    /**
     * The platform's store, refusing the writes of job workers it is told to, by number (1 is the first write of a
     * worker after arming). Claims, heartbeats and requests write on other threads, and are not refused.
     */
    static final class RefusingStore implements Store {
        private final Store delegate;
        final AtomicInteger writes = new AtomicInteger();
        private volatile Set<Integer> refused = Set.of();

        RefusingStore(Store delegate) {
            this.delegate = delegate;
        }

        void refuse(Integer... numbers) {
            writes.set(0);
            refused = Set.of(numbers);
        }

        @Override
        public <T> T read(Function<EntityManager, T> work) {
            return delegate.read(work);
        }

        @Override
        public <T> T write(Function<EntityManager, T> work) {
            if (Thread.currentThread().getName().matches("mtm-job-\\d+") && refused.contains(writes.incrementAndGet())) {
                // as OpenJPA reports what Derby refuses
                throw new PersistenceException("<openjpa-3.2.2-re5933d6 fatal general error> "
                    + "org.apache.openjpa.persistence.PersistenceException: A truncation error was encountered trying to shrink "
                    + "VARCHAR 'x' to length 200. {prepstmnt 1 UPDATE MTM_JOB SET step = ?} [code=20000, state=22001]",
                    new SQLDataException("A truncation error was encountered trying to shrink VARCHAR 'x' to length 200.", "22001"));
            }
            return delegate.write(work);
        }
    }

    private void start(Duration poll) {
        store = new RefusingStore(f.store);
        infra.addHost(new HostConfig(new HostSettings("h1", "memory", Map.of()), 32, 65536, 1000));
        infra.addDriver(driver, Map.of(HypervisorDriver.TYPE_PROPERTY, "memory"));
        node = TestNode.start(store, infra, clock, new RetryPolicy(3, BACKOFF, Duration.ofMinutes(5)),
            new LocalNode("n1", LEASE, null, poll));
        engine = node.engine;
        machines = new MachineServiceImpl(f.store, f.audit, f.plans, infra, engine);
    }

    /** The engine polls for claimable jobs only when the test asks it to (and once as it starts). */
    private void start() {
        start(Duration.ofHours(1));
    }

    @After
    public void stop() throws InterruptedException {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    public void whateverADriverThrowsIsTriedAgainAfterGrowingPausesThenTheJobFailsAndItsMachineIsInError() throws Exception {
        start();
        driver.createFailures.add(new IllegalStateException("the image store is locked"));
        driver.createFailures.add(new NoClassDefFoundError("org/mtmanager/hypervisor/memory/Disk"));
        driver.createFailures.add(new StackOverflowError());
        Job job = create("pbx-throws");

        await(() -> row(job.id()).getAttempts() == 1);
        JobEntity first = row(job.id());
        assertEquals(JobState.WAITING.name(), first.getState());
        assertEquals("attempt 1 of 3 failed, next in 10 s: the memory driver failed: the image store is locked", first.getStep());
        assertEquals(clock.instant().plus(BACKOFF).truncatedTo(ChronoUnit.MILLIS), first.getNextAttemptAt());
        assertEquals(MachineState.CREATING, machineState(job));
        assertEquals("not due yet", List.of(), engine.poll());

        clock.advance(BACKOFF);
        assertEquals(List.of(job.id()), engine.poll());
        await(() -> row(job.id()).getAttempts() == 2);
        assertEquals("attempt 2 of 3 failed, next in 20 s: the memory driver failed: org/mtmanager/hypervisor/memory/Disk",
            row(job.id()).getStep());
        clock.advance(Duration.ofSeconds(19));
        assertEquals("the second pause is twice the first", List.of(), engine.poll());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(job.id()), engine.poll());

        await(() -> jobState(job.id()) == JobState.FAILED);
        assertEquals("gave up after 3 attempts; the last failed: the memory driver failed: no details (the server log has them)",
            row(job.id()).getError());
        assertEquals(MachineState.ERROR, machineState(job));
        assertEquals(List.of(), engine.poll());

        // ERROR is a state that an action leaves: the failed machine is deleted.
        Job delete = machines.delete(f.admin, job.machineId(), true, null);
        await(() -> jobState(delete.id()) == JobState.SUCCEEDED);
        assertEquals(MachineState.DELETED, machineState(job));
    }

    @Test
    public void aRetryableDriverErrorIsTriedAgainByTheEngineAndItsLongMessageIsKeptInPart() throws Exception {
        start();
        String tail = "kamailio: listening on 10.100.0.10:5060 | ".repeat(10);
        driver.createFailures.add(new DriverException("machine T1 does not answer on 10.100.0.10:80 after 15 s: " + tail, true));
        Job job = create("pbx-slow");

        await(() -> jobState(job.id()) == JobState.WAITING);
        String step = row(job.id()).getStep();
        assertEquals(200, step.length());
        assertTrue(step, step.startsWith("attempt 1 of 3 failed, next in 10 s: machine T1 does not answer on 10.100.0.10:80")
            && step.endsWith("…"));

        clock.advance(BACKOFF);
        engine.poll();
        await(() -> jobState(job.id()) == JobState.SUCCEEDED);
        assertEquals(MachineState.RUNNING, machineState(job));
        assertEquals(1, row(job.id()).getAttempts());
        assertEquals(1, driver.machines.size());
    }

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
    public void aDeleteReplacesAJobThatWaitsForItsMissingDriverAndRunsWhenTheDriverIsBack() throws Exception {
        start();
        driver.createFailures.add(new DriverException("machine T1 does not answer yet", true));
        Job job = create("pbx-stranded");
        await(() -> row(job.id()).getAttempts() == 1);
        MtmException busy = assertThrows(MtmException.class, () -> machines.delete(f.admin, job.machineId(), true, null));
        assertEquals("a job waiting for its next attempt, with its driver there, ends by itself", ErrorCode.CONFLICT, busy.code());

        infra.removeDriver(driver, Map.of(HypervisorDriver.TYPE_PROPERTY, "memory"));
        clock.advance(BACKOFF);
        assertEquals(List.of(job.id()), engine.poll());
        await(() -> row(job.id()).getStep().startsWith("waiting for driver") && !engine.running(job.id()));
        assertEquals(MachineState.CREATING, machineState(job));

        Job delete = machines.delete(f.admin, job.machineId(), true, null);
        JobEntity replaced = row(job.id());
        assertEquals(JobState.FAILED.name(), replaced.getState());
        assertEquals("cancelled: replaced by a delete of " + f.admin.username()
            + " while it was waiting for driver memory (driver unavailable)", replaced.getError());
        assertEquals(MachineState.DELETING, machineState(job));
        await(() -> jobState(delete.id()) == JobState.WAITING);

        infra.addDriver(driver, Map.of(HypervisorDriver.TYPE_PROPERTY, "memory"));
        await(() -> jobState(delete.id()) == JobState.SUCCEEDED);
        assertEquals(MachineState.DELETED, machineState(job));
        assertEquals("the replaced create ran no more", JobState.FAILED, jobState(job.id()));
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
        engine.addDeletionHook((em, m, by) -> () -> {
            throw new IllegalStateException("the firewall could not be reached");
        });
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
        JobRecords records = new JobRecords(f.store, clock, RetryPolicy.DEFAULT, List.of(), leases);
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

    @Test
    public void aRetryableFailureOfAnUpgradeStepIsRolledBackAndTriedAgain() throws Exception {
        start();
        f.settings.set(f.admin, "pbx.upgrade-path", "15.0");
        Job created = create("pbx-upgrade-retry");
        await(() -> jobState(created.id()) == JobState.SUCCEEDED);
        f.settings.set(f.admin, "pbx.upgrade-path", "15.0 > 15.3 > 16.0");
        driver.upgradeFailures.add(new DriverException("the 15.3 mirror did not answer", true));
        Job upgrade = machines.upgrade(f.admin, created.machineId(), null);

        await(() -> row(upgrade.id()).getAttempts() == 1);
        assertEquals("attempt 1 of 3 failed, next in 10 s: step 15.0 > 15.3 failed: the 15.3 mirror did not answer;"
            + " rolled back to 15.0", row(upgrade.id()).getStep());
        assertEquals(JobState.WAITING, jobState(upgrade.id()));
        assertEquals("15.0", machines.get(f.admin, created.machineId()).pbxVersion());
        assertEquals("15.0", driver.machines.values().iterator().next().pbxVersion());

        clock.advance(BACKOFF);
        assertEquals(List.of(upgrade.id()), engine.poll());
        await(() -> jobState(upgrade.id()) == JobState.SUCCEEDED);
        assertEquals("16.0", machines.get(f.admin, created.machineId()).pbxVersion());
        assertEquals(MachineState.RUNNING, machineState(created));
    }

    @Test
    public void aConsoleTailWithControlCharactersIsWrittenAsTextThatXmlCarries() throws Exception {
        start();
        String tail = "\u001b[0mkamailio: bind failed\r\n\u0000\uFFFE end";
        driver.createFailures.add(new DriverException("machine T1 does not answer: " + tail, true));
        Job job = create("pbx-console");
        await(() -> row(job.id()).getAttempts() == 1);
        String step = row(job.id()).getStep();
        assertEquals("attempt 1 of 3 failed, next in 10 s: machine T1 does not answer:  [0mkamailio: bind failed   \uFFFD end",
            step);
        assertEquals(step, soapShaped(step));
    }

    /** The text as a SOAP answer carries it: written into an element and read back by an XML parser. */
    private static String soapShaped(String text) throws XMLStreamException {
        StringWriter xml = new StringWriter();
        XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(xml);
        w.writeStartElement("step");
        w.writeCharacters(text);
        w.writeEndElement();
        w.close();
        XMLStreamReader r = XMLInputFactory.newInstance().createXMLStreamReader(new StringReader(xml.toString()));
        r.nextTag();
        return r.getElementText();
    }

    @Test
    public void pausesDoubleUpToTheLongest() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofSeconds(15), Duration.ofMinutes(1));
        assertEquals(List.of(15L, 30L, 60L, 60L, 60L), List.of(1, 2, 3, 4, 9).stream().map(n -> p.backoff(n).toSeconds()).toList());
    }

    private Job create(String hostname) {
        long draft = machines.saveDraft(f.admin, new MachineRequest(null, hostname, null, new CustomerData("Co", "Ann",
            "ann@example.com", "+34 600 000 000", "Street 1", "B1"), "S", 5, 1, null)).id();
        return machines.create(f.admin, draft, null);
    }

    private JobEntity row(long id) {
        return f.store.read(em -> em.find(JobEntity.class, id));
    }

    private JobState jobState(long id) {
        return JobState.valueOf(row(id).getState());
    }

    private MachineState machineState(Job job) {
        return machines.get(f.admin, job.machineId()).state();
    }
}
