package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.mtmanager.spi.hypervisor.HostSettings;
import org.mtmanager.spi.hypervisor.HypervisorDriver;
import org.mtmanager.spi.hypervisor.MachineSpec;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A driver bundle leaves and comes back through deploy/ while the platform runs: its machines show "driver
 * unavailable", their jobs wait, and finish when the driver returns. Nothing is restarted.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class HotDeployIT extends MtmTestSupport {
    static final String DRIVER = "mtm-hypervisor-libvirt";

    @Inject
    protected BundleContext context;

    @Test
    public void aDriverBundleLeavesAndReturnsThroughDeploy() throws Exception {
        Http admin = admin();
        String hostname = "pbx-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode draft = ok(admin.post(API + "/machines/drafts", Map.of("hostname", hostname, "plan", "SS", "customer",
            Map.of("company", "Hot Deploy SL", "contact", "Eva", "email", "eva@example.com", "phone", "+34 600 000 000",
                "address", "Calle 2", "taxId", "B2"))));
        JsonNode created = ok(admin.post(API + "/machines", Map.of("draftId", draft.get("id").asLong())));
        long id = created.get("machineId").asLong();
        await("the machine RUNNING", 60, () -> "RUNNING".equals(state(admin, id)));
        JsonNode stop = ok(admin.post(API + "/machines/" + id + "/stop", Map.of("confirm", true)));
        await("the machine STOPPED", 60, () -> "STOPPED".equals(state(admin, id)));
        assertEquals("SUCCEEDED", ok(admin.get(API + "/jobs/" + stop.get("id").asLong())).get("state").asText());

        Bundle driver = bundle();
        assertNotNull("the distribution boots the libvirt driver", driver);
        Path jar = Files.createTempFile("driver", ".jar");
        try (var in = new URL(driver.getLocation()).openStream()) {
            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        driver.uninstall();
        await("the machine's driver unavailable", 60, () -> !ok(get(admin, API + "/machines/" + id)).get("driverAvailable").asBoolean());

        JsonNode delete = ok(admin.delete(API + "/machines/" + id + "?confirm=true"));
        long jobId = delete.get("id").asLong();
        await("the job WAITING", 60, () -> "WAITING".equals(ok(get(admin, API + "/jobs/" + jobId)).get("state").asText()));
        assertTrue(ok(admin.get(API + "/jobs/" + jobId)).get("step").asText().contains("driver unavailable"));
        assertEquals("DELETING", state(admin, id));

        Path deployed = Paths.get(System.getProperty("karaf.base"), "deploy", DRIVER + ".jar");
        Files.copy(jar, deployed, StandardCopyOption.REPLACE_EXISTING);
        try {
            await("the job SUCCEEDED", 60, () -> "SUCCEEDED".equals(ok(get(admin, API + "/jobs/" + jobId)).get("state").asText()));
            assertEquals("DELETED", state(admin, id));
            assertNotNull(bundle());
        } finally {
            Files.deleteIfExists(deployed);
        }
        await("the driver bundle gone", 60, () -> bundle() == null);
        assertFalse(Files.exists(deployed));
    }

    @Test
    public void reconciliationFindsAndRepairsWhatChangedBehindThePlatformsBack() throws Exception {
        Http admin = admin();
        String hostname = "pbx-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode draft = ok(admin.post(API + "/machines/drafts", Map.of("hostname", hostname, "plan", "SS", "customer",
            Map.of("company", "Drift SL", "contact", "Eva", "email", "eva@example.com", "phone", "+34 600 000 000",
                "address", "Calle 2", "taxId", "B2"))));
        long id = ok(admin.post(API + "/machines", Map.of("draftId", draft.get("id").asLong()))).get("machineId").asLong();
        await("the machine RUNNING", 60, () -> "RUNNING".equals(state(admin, id)));
        String serial = ok(admin.get(API + "/machines/" + id)).get("serial").asText();
        // Behind the platform's back: the machine is stopped on its host, and a stranger domain appears.
        var ref = context.getServiceReferences(HypervisorDriver.class, "(mtm.driver=libvirt)")
            .iterator().next();
        var driver = context.getService(ref);
        var host = new HostSettings("lab1", "libvirt", Map.of("uri", "test:///default"));
        driver.stop(host, serial);
        driver.create(host, new MachineSpec("MT9999999999", "stranger", 1, 256, 1, "16.2", "10.100.99.9", 10, 4));
        context.ungetService(ref);

        JsonNode dry = ok(admin.post(API + "/reconcile?repair=false", Map.of()));
        assertEquals(dry.toString(), 2, dry.get("drifts").size());
        assertEquals("RUNNING", state(admin, id));
        JsonNode fixed = ok(admin.post(API + "/reconcile", Map.of()));
        assertEquals(2, fixed.get("drifts").size());
        assertEquals("STOPPED", state(admin, id));
        assertEquals(0, ok(admin.post(API + "/reconcile", Map.of())).get("drifts").size());
        ShellResult cli = shellAs("admin", adminPassword(), "mtm:reconcile --dry-run");
        assertFalse(cli.errorMessage(), cli.failed());
        assertTrue(cli.output(), cli.output().contains("0 drift(s)"));
    }

    private Bundle bundle() {
        return Arrays.stream(context.getBundles()).filter(b -> DRIVER.equals(b.getSymbolicName())).findFirst().orElse(null);
    }

    private static Http.Response get(Http http, String path) {
        return http.get(path);
    }

    private static String state(Http http, long id) {
        return ok(http.get(API + "/machines/" + id)).get("state").asText();
    }
}
