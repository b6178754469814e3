package org.mtmanager.hypervisor.libvirt;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Test;
import org.mtmanager.spi.hypervisor.DriverContract;
import org.mtmanager.spi.hypervisor.DriverException;
import org.mtmanager.spi.hypervisor.HostSettings;
import org.mtmanager.spi.hypervisor.HypervisorDriver;
import org.mtmanager.spi.hypervisor.MachineSpec;

/**
 * The driver contract, and what is particular to libvirt, against libvirt's real test driver (test:///default:
 * no daemon, state per connection).
 */
public class LibvirtDriverTest extends DriverContract {
    private final LibvirtDriver driver = new LibvirtDriver();
    private final HostSettings host = new HostSettings("test-host", "libvirt", Map.of("uri", "test:///default"));

    @Override
    protected HypervisorDriver driver() {
        return driver;
    }

    @Override
    protected HostSettings host() {
        return host;
    }

    @Override
    protected String internalIp(int n) {
        return "10.100.0." + (10 + n);
    }

    @After
    public void close() {
        driver.close();
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
    public void aBootableDefinitionCarriesTheMachineOnItsCommandLineAndAnUpgradeChangesIt() {
        String xml = DomainXml.of(new MachineSpec("MT1", "pbx-one", 1, 256, 1, "15.0", "10.100.0.10", 12, 3),
            "qemu", "15.0", new DomainXml.Boot("/k/vmlinuz", "/k/initrd.gz", "/var/log/mtm"));
        assertTrue(xml, xml.contains("<kernel>/k/vmlinuz</kernel><initrd>/k/initrd.gz</initrd><cmdline>console=ttyS0 quiet "
            + "mtm.serial=MT1 mtm.hostname=pbx-one mtm.version=15.0 mtm.ip=10.100.0.10 mtm.extensions=12 mtm.lines=3</cmdline>"));
        assertTrue(xml, xml.contains("<serial type='file'><source path='/var/log/mtm/mtm-MT1.console' append='on'/>"));
        String upgraded = DomainXml.withVersion(xml, "16.2");
        assertEquals("16.2", DomainXml.version(upgraded));
        assertTrue(upgraded, upgraded.contains(" mtm.version=16.2 mtm.ip="));
    }

    @Test
    public void aHostWithoutAUriHasAProblemThatSaysSo() {
        assertEquals(List.of("host bare has no uri (for example uri = qemu:///system)"),
            driver.problems(new HostSettings("bare", "libvirt", Map.of())));
    }

    @Test
    public void aClientLibraryThatDoesNotLoadIsAProblemInWordsWithoutTheJavaErrorsName() {
        assertEquals("the libvirt client library cannot be loaded (apt-get install -y libvirt0): Unable to load library"
                + " 'virt': libvirt.so: cannot open shared object file",
            LibvirtDriver.unloadable(new UnsatisfiedLinkError("Unable to load library 'virt': libvirt.so: cannot open shared object file")));
        assertEquals("the libvirt client library cannot be loaded (apt-get install -y libvirt0): it failed to load when"
                + " first used (the server log says why)",
            LibvirtDriver.unloadable(new NoClassDefFoundError("Could not initialize class org.libvirt.jna.Libvirt")));
    }

    @Test
    public void anUnreachableHostIsRetryable() {
        HostSettings gone = new HostSettings("gone", "libvirt", Map.of("uri", "qemu+unix:///system?socket=/nonexistent/socket"));
        try {
            driver.create(gone, spec(0, "15.0"));
            fail();
        } catch (DriverException e) {
            assertTrue(e.getMessage(), e.retryable());
        }
    }
}
