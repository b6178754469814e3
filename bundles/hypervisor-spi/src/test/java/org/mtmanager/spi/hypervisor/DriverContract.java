package org.mtmanager.spi.hypervisor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.After;
import org.junit.Test;

/**
 * What every hypervisor driver must do, as the platform relies on it (see the package documentation). A driver
 * module extends this class with its driver and a host it can reach; the driver's own tests add what is
 * particular to it. Every machine made here is destroyed afterwards, even when a test fails.
 */
public abstract class DriverContract {
    private final List<String> made = new ArrayList<>();

    /** The driver under test. */
    protected abstract HypervisorDriver driver();

    /** A host the driver can run machines on. */
    protected abstract HostSettings host();

    /** An address on the host's internal network for the {@code n}-th machine of a test (0, 1, ...). */
    protected abstract String internalIp(int n);

    /** A new machine's spec, remembered so that it is destroyed after the test. */
    protected MachineSpec spec(int n, String version) {
        String id = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
        made.add(id);
        return new MachineSpec(id, "pbx-" + id.toLowerCase(), 1, 256, 1, version, internalIp(n), 10, 4);
    }

    @After
    public void destroyWhatTheTestMade() throws DriverException {
        for (String id : made) {
            driver().destroy(host(), id);
        }
    }

    @Test
    public void theHostHasNoProblems() {
        assertEquals(List.of(), driver().problems(host()));
    }

    @Test
    public void createIsIdempotentAndReportsTheSpec() throws DriverException {
        MachineSpec spec = spec(0, "15.0");
        DriverMachine created = driver().create(host(), spec);
        assertEquals(new DriverMachine(spec.machineId(), PowerState.RUNNING, "15.0", spec.internalIp()), created);
        assertEquals(created, driver().create(host(), spec));
        assertEquals(created, driver().status(host(), spec.machineId()).orElseThrow());
    }

    @Test
    public void stopAndStartAreIdempotent() throws DriverException {
        String id = driver().create(host(), spec(0, "15.0")).machineId();
        driver().stop(host(), id);
        driver().stop(host(), id);
        assertEquals(PowerState.STOPPED, driver().status(host(), id).orElseThrow().state());
        driver().start(host(), id);
        driver().start(host(), id);
        assertEquals(PowerState.RUNNING, driver().status(host(), id).orElseThrow().state());
    }

    @Test
    public void destroyRemovesTheMachineFromStatusAndInventory() throws DriverException {
        String id = driver().create(host(), spec(0, "15.0")).machineId();
        assertTrue(driver().inventory(host()).stream().anyMatch(m -> m.machineId().equals(id)));
        driver().stop(host(), id);
        driver().destroy(host(), id);
        driver().destroy(host(), id);
        assertTrue(driver().status(host(), id).isEmpty());
        assertFalse(driver().inventory(host()).stream().anyMatch(m -> m.machineId().equals(id)));
    }

    @Test
    public void theInventoryHoldsEveryMachineWithItsOwnState() throws DriverException {
        String a = driver().create(host(), spec(0, "15.0")).machineId();
        String b = driver().create(host(), spec(1, "16.2")).machineId();
        driver().stop(host(), b);
        List<DriverMachine> all = driver().inventory(host());
        assertTrue(all.contains(new DriverMachine(a, PowerState.RUNNING, "15.0", internalIp(0))));
        assertTrue(all.contains(new DriverMachine(b, PowerState.STOPPED, "16.2", internalIp(1))));
    }

    @Test
    public void upgradeChangesTheVersionAndKeepsTheMachineRunning() throws DriverException {
        String id = driver().create(host(), spec(0, "15.0")).machineId();
        driver().upgrade(host(), id, "15.3");
        driver().upgrade(host(), id, "15.3");
        DriverMachine after = driver().status(host(), id).orElseThrow();
        assertEquals("15.3", after.pbxVersion());
        assertEquals(PowerState.RUNNING, after.state());
    }

    @Test
    public void aStoppedMachineIsUpgradedAndStaysStopped() throws DriverException {
        String id = driver().create(host(), spec(0, "15.0")).machineId();
        driver().stop(host(), id);
        driver().upgrade(host(), id, "16.0");
        assertEquals(new DriverMachine(id, PowerState.STOPPED, "16.0", internalIp(0)), driver().status(host(), id).orElseThrow());
    }

    @Test
    public void aSnapshotRestoresTheVersionItWasTakenAt() throws DriverException {
        if (!driver().capabilities().contains(Capability.SNAPSHOT)) {
            return; // nothing to check: the platform upgrades such a driver's machines without snapshots
        }
        String id = driver().create(host(), spec(0, "15.0")).machineId();
        driver().snapshot(host(), id, "before-15.3");
        driver().upgrade(host(), id, "15.3");
        driver().restore(host(), id, "before-15.3");
        assertEquals("15.0", driver().status(host(), id).orElseThrow().pbxVersion());
    }

    @Test
    public void resizeKeepsTheMachineAndItsVersion() throws DriverException {
        String id = driver().create(host(), spec(0, "15.0")).machineId();
        driver().resize(host(), id, 2, 512, 2);
        DriverMachine after = driver().status(host(), id).orElseThrow();
        assertEquals(PowerState.RUNNING, after.state());
        assertEquals("15.0", after.pbxVersion());
    }

    @Test
    public void aMissingMachineIsAnUnretryableErrorThatNamesIt() {
        for (Op op : List.<Op>of(d -> d.start(host(), "NOSUCH1"), d -> d.stop(host(), "NOSUCH1"),
            d -> d.upgrade(host(), "NOSUCH1", "16.2"))) {
            try {
                op.on(driver());
                fail("no error for a machine that does not exist");
            } catch (DriverException e) {
                assertFalse(e.getMessage(), e.retryable());
                assertTrue(e.getMessage(), e.getMessage().contains("NOSUCH1"));
            }
        }
    }

    @Test
    public void statusOfAMissingMachineIsEmpty() throws DriverException {
        assertTrue(driver().status(host(), "NOSUCH2").isEmpty());
    }

    /** One driver call, for the error checks. */
    private interface Op {
        void on(HypervisorDriver d) throws DriverException;
    }
}
