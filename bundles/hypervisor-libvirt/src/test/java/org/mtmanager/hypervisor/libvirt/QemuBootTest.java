package org.mtmanager.hypervisor.libvirt;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Test;
import org.mtmanager.spi.hypervisor.HostSettings;
import org.mtmanager.spi.hypervisor.MachineSpec;
import org.mtmanager.spi.hypervisor.PowerState;

/**
 * A real software-emulated domain under libvirtd ({@code qemu:///system}): the driver defines and boots it with
 * a kernel and the test's own image, which reports the machine's identity on its serial console; an upgrade
 * reboots it at the new version. Needs a running libvirtd with the QEMU driver and a kernel ({@code .ci/run}
 * provides both; the kernel is looked for in {@code $MTM_TEST_KERNEL}, {@code /var/cache/mtm/vmlinuz}, /boot).
 */
public class QemuBootTest {
    private final LibvirtDriver driver = new LibvirtDriver();
    private Path dir;
    private HostSettings host;
    private String id;

    @Before
    public void host() throws Exception {
        Optional<Path> kernel = kernel();
        Assume.assumeTrue("no kernel to boot", kernel.isPresent());
        Assume.assumeTrue("libvirtd with QEMU is not running", Files.exists(Path.of("/var/run/libvirt/libvirt-sock"))
            && Files.exists(Path.of("/usr/bin/qemu-system-x86_64")));
        dir = Files.createTempDirectory("mtm-qemu");
        Initramfs.write(dir.resolve("initrd.gz"));
        host = new HostSettings("qemu", "libvirt", Map.of("uri", "qemu:///system", "kernel", kernel.get().toString(),
            "initrd", dir.resolve("initrd.gz").toString(), "consoleDir", dir.toString()));
        id = "Q" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
    }

    @After
    public void cleanUp() throws Exception {
        if (host != null) {
            driver.destroy(host, id);
            driver.close();
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    @Test
    public void aDomainBootsReportsItsIdentityAndRebootsAtTheUpgradedVersion() throws Exception {
        MachineSpec spec = new MachineSpec(id, "pbx-qemu", 1, 256, 1, "15.0", "10.100.0.77", 12, 3);
        assertEquals(PowerState.RUNNING, driver.create(host, spec).state());
        awaitConsole("MT PBX 15.0 on " + id + " (12 extensions) is up");

        driver.upgrade(host, id, "16.2");
        assertEquals("16.2", driver.status(host, id).orElseThrow().pbxVersion());
        awaitConsole("MT PBX 16.2 on " + id + " (12 extensions) is up");

        driver.stop(host, id);
        assertEquals(PowerState.STOPPED, driver.status(host, id).orElseThrow().state());
    }

    private void awaitConsole(String line) throws IOException, InterruptedException {
        Path console = dir.resolve("mtm-" + id + ".console");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(console) && Files.readString(console).contains(line)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        String seen = Files.exists(console) ? Files.readString(console) : "(no console log)";
        throw new AssertionError("the console never said '" + line + "'; it said: "
            + seen.substring(Math.max(0, seen.length() - 2000)));
    }

    private static Optional<Path> kernel() throws IOException {
        String env = System.getenv("MTM_TEST_KERNEL");
        if (env != null && Files.isReadable(Path.of(env))) {
            return Optional.of(Path.of(env));
        }
        if (Files.isReadable(Path.of("/var/cache/mtm/vmlinuz"))) {
            return Optional.of(Path.of("/var/cache/mtm/vmlinuz"));
        }
        if (!Files.isDirectory(Path.of("/boot"))) {
            return Optional.empty();
        }
        try (var boot = Files.list(Path.of("/boot"))) {
            return boot.filter(p -> p.getFileName().toString().startsWith("vmlinuz")).filter(Files::isReadable).sorted().reduce((a, b) -> b);
        }
    }
}
