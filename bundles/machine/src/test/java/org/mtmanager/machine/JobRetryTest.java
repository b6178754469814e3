package org.mtmanager.machine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.machine.JobEngineTest.await;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import org.junit.Test;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.job.JobState;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.spi.hypervisor.DriverException;
import org.mtmanager.spi.hypervisor.HypervisorDriver;
import org.mtmanager.store.entity.JobEntity;

/**
 * Whatever a driver throws is tried again after growing pauses, then the job is FAILED with its machine in ERROR;
 * a job waiting for a missing driver is replaced by the machine's next action; a failed upgrade step is rolled back
 * and tried again; what a machine's console says is written as text XML carries.
 */
public class JobRetryTest extends RetryingNodeTest {
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
}
