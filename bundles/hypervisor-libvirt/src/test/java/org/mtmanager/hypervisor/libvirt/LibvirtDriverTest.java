package org.mtmanager.hypervisor.libvirt;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Map;
import java.util.UUID;

import org.junit.After;
import org.junit.Test;
import org.mtmanager.spi.hypervisor.DriverException;
import org.mtmanager.spi.hypervisor.DriverMachine;
import org.mtmanager.spi.hypervisor.HostSettings;
import org.mtmanager.spi.hypervisor.MachineSpec;
import org.mtmanager.spi.hypervisor.PowerState;

/** The driver against libvirt's real test driver (test:///default: no daemon, state per connection). */
public class LibvirtDriverTest {
    private final LibvirtDriver driver = new LibvirtDriver();
    private final HostSettings host = new HostSettings("test-host", "libvirt", Map.of("uri", "test:///default"));
    private final String id = "T" + UUID.randomUUID().toString().substring(0, 8);
    private final MachineSpec spec = new MachineSpec(id, "pbx-" + id.toLowerCase(), 1, 512, 10, "15.0", "10.100.0.10");

    @After
    public void close() {
        driver.close();
    }

    @Test
    public void lifecycleIsIdempotentAndVisibleInTheInventory() throws Exception {
        DriverMachine created = driver.create(host, spec);
        assertEquals(PowerState.RUNNING, created.state());
        assertEquals("15.0", created.pbxVersion());
        assertEquals("10.100.0.10", created.internalIp());
        assertEquals(created, driver.create(host, spec));
        assertTrue(driver.inventory(host).stream().anyMatch(m -> m.machineId().equals(id)));

        driver.stop(host, id);
        driver.stop(host, id);
        assertEquals(PowerState.STOPPED, driver.status(host, id).orElseThrow().state());
        driver.start(host, id);
        assertEquals(PowerState.RUNNING, driver.status(host, id).orElseThrow().state());

        driver.destroy(host, id);
        driver.destroy(host, id);
        assertTrue(driver.status(host, id).isEmpty());
        assertFalse(driver.inventory(host).stream().anyMatch(m -> m.machineId().equals(id)));
    }

    @Test
    public void upgradeChangesTheVersionAndASnapshotRestoresIt() throws Exception {
        driver.create(host, spec);
        driver.snapshot(host, id, "before-16.0");
        driver.upgrade(host, id, "16.0");
        assertEquals("16.0", driver.status(host, id).orElseThrow().pbxVersion());
        assertEquals(PowerState.RUNNING, driver.status(host, id).orElseThrow().state());
        driver.destroy(host, id);
    }

    @Test
    public void resizeChangesTheDefinitionAndKeepsItRunning() throws Exception {
        driver.create(host, spec);
        driver.resize(host, id, 2, 2048, 20);
        assertEquals(PowerState.RUNNING, driver.status(host, id).orElseThrow().state());
        assertEquals("the platform's metadata survives the redefinition", "15.0", driver.status(host, id).orElseThrow().pbxVersion());
        driver.destroy(host, id);
    }

    @Test
    public void resizedDefinitionsCarryTheNewSize() {
        String xml = "<domain><memory unit='KiB'>524288</memory><currentMemory unit='KiB'>524288</currentMemory>"
            + "<vcpu placement='static'>1</vcpu><metadata><mtm:machine xmlns:mtm='x' version='15.0' ip='' disk='10'/>"
            + "</metadata></domain>";
        String resized = DomainXml.withSize(xml, 4, 4096, 40);
        assertEquals(4096, DomainXml.memoryMb(resized));
        assertTrue(resized, resized.contains("<vcpu placement='static'>4</vcpu>") && resized.contains("disk='40'")
            && resized.contains("<currentMemory unit='KiB'>4194304</currentMemory>"));
    }

    @Test
    public void aMissingMachineIsAnErrorThatNamesIt() {
        try {
            driver.start(host, "nope");
            fail();
        } catch (DriverException e) {
            assertFalse(e.retryable());
            assertTrue(e.getMessage(), e.getMessage().contains("mtm-nope"));
        }
    }

    @Test
    public void anUnreachableHostIsRetryable() {
        HostSettings gone = new HostSettings("gone", "libvirt", Map.of("uri", "qemu+unix:///system?socket=/nonexistent/socket"));
        try {
            driver.create(gone, spec);
            fail();
        } catch (DriverException e) {
            assertTrue(e.getMessage(), e.retryable());
        }
    }
}
