package org.mtmanager.hypervisor.container;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;
import org.mtmanager.spi.hypervisor.DriverException;

/** The host's tools are run to their end, and only to theirs. */
public class CommandsTest {
    @Test
    public void aChildThatOutlivesTheCommandDoesNotHoldTheCall() throws Exception {
        long t0 = System.nanoTime();
        // The background sleep keeps the command's standard output open for a minute after the command ended.
        String out = Commands.run(List.of("sh", "-c", "sleep 60 & echo started"));
        assertEquals("started\n", out);
        assertTrue("returned when sh ended, not when its child did", System.nanoTime() - t0 < 30_000_000_000L);
    }

    @Test
    public void aFailureSaysWhatTheToolPrintedOnItsErrorOutput() {
        DriverException e = assertThrows(DriverException.class, () -> Commands.run(List.of("sh", "-c", "echo no such bridge >&2; exit 3")));
        assertEquals("sh -c echo no such bridge >&2; exit 3 failed (3): no such bridge", e.getMessage());
    }
}
