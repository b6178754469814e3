package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A machine's deletion waits for the deletion steps of every installed bundle, in the real framework: a bundle that
 * declares a step (here one that is only installed, never started, and has no hook) holds deletions back, the job
 * saying which step and whose, and they go on when it is uninstalled. The platform's own steps (access, did,
 * plan-change) are bound meanwhile, or the deletion would wait for them too.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DeletionStepIT extends MtmTestSupport {
    private static final String PROBE = "mtm-itest-deletion-probe";

    @Inject
    protected BundleContext context;

    @Test
    public void aDeletionWaitsForTheStepOfAnInstalledBundleAndGoesOnWhenItIsUninstalled() throws Exception {
        String pw = "Deletion-steps-1";
        String user = unique("delseller");
        createAccountWithAdmin("reseller", unique("DeletionReseller"), user, pw);
        Http me = http(user, pw);
        JsonNode draft = ok(me.post(API + "/machines/drafts", Map.of("hostname", "pbx-" + UUID.randomUUID().toString().substring(0, 8),
            "plan", "SS", "customer", customer())));
        JsonNode create = ok(me.post(API + "/machines", Map.of("draftId", draft.get("id").asLong())));
        awaitJob(me, create.get("id").asLong());
        long id = create.get("machineId").asLong();
        awaitJob(me, ok(me.post(API + "/machines/" + id + "/stop", Map.of("confirm", true))).get("id").asLong());

        Bundle probe = context.installBundle("itest:" + PROBE, new ByteArrayInputStream(stepOnly(PROBE, "probe")));
        long delete;
        try {
            delete = ok(me.delete(API + "/machines/" + id + "?confirm=true")).get("id").asLong();
            JsonNode waiting = awaitState(me, delete, "WAITING");
            assertEquals(waiting.toString(), "waiting for the deletion step probe of " + PROBE
                + " (installed, not available yet); the machine is not deleted without it", waiting.get("step").asText());
            assertEquals("DELETING", ok(me.get(API + "/machines/" + id)).get("state").asText());
        } finally {
            probe.uninstall();
        }
        awaitJob(me, delete);
        assertEquals("DELETED", ok(me.get(API + "/machines/" + id)).get("state").asText());
    }

    /** A bundle with nothing but a manifest that declares one deletion step. */
    private static byte[] stepOnly(String symbolicName, String step) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Provide-Capability", "org.mtmanager.machine.deletion;name=" + step);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, mf)) {
            jar.flush();
        }
        return bytes.toByteArray();
    }

    private static JsonNode awaitState(Http http, long jobId, String state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode job = ok(http.get(API + "/jobs/" + jobId));
            if (state.equals(job.get("state").asText())) {
                return job;
            }
            assertTrue(job.toString(), !"SUCCEEDED".equals(job.get("state").asText()));
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("job " + jobId + " not " + state + " in 60 s: " + http.get(API + "/jobs/" + jobId));
    }
}
