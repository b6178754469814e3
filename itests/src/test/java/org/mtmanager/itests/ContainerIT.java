package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Dictionary;
import java.util.Map;
import java.util.UUID;

import javax.inject.Inject;

import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Machines on both drivers in one server, and a host moved from libvirt to containers by configuration alone.
 * The containers are real: each machine's openUrl answers with its own page.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ContainerIT extends MtmTestSupport {

    @Inject
    protected ConfigurationAdmin configAdmin;

    @Test
    public void aHostSwapsDriverByConfigurationAndEachContainerServesItsOwnWebUi() throws Exception {
        Http admin = admin();
        JsonNode local = ok(admin.get(API + "/hosts/local"));
        Assume.assumeTrue("the container driver cannot run here: " + local.get("problems"), local.get("usable").asBoolean());
        try {
            long onLibvirt = create(admin, "pbx-lv");
            JsonNode lv = ok(admin.get(API + "/machines/" + onLibvirt));
            assertEquals("lab1", lv.get("host").asText());
            assertEquals("libvirt", lv.get("driverType").asText());
            stopAndDelete(admin, onLibvirt);

            Configuration lab1 = configAdmin.listConfigurations("(name=lab1)")[0];
            Dictionary<String, Object> props = lab1.getProperties();
            props.put("driver", "container");
            props.remove("uri");
            props.put("bridge", Containers.BRIDGE);
            props.put("network", Containers.NETWORK);
            props.put("namespacePrefix", Containers.PREFIX);
            lab1.update(props);
            // The host's component restarts with its new configuration: for a moment there is no host lab1.
            await("host lab1 back with the container driver", 30, () -> {
                Http.Response h = admin.get(API + "/hosts/lab1");
                return h.status() == 200 && "container".equals(h.json().get("driverType").asText());
            });
            JsonNode host = ok(admin.get(API + "/hosts/lab1"));
            assertTrue(host.toString(), host.get("usable").asBoolean());
            assertEquals(Containers.NETWORK, host.get("network").asText());

            long a = create(admin, "pbx-ca");
            long b = create(admin, "pbx-cb");
            JsonNode ma = ok(admin.get(API + "/machines/" + a));
            JsonNode mb = ok(admin.get(API + "/machines/" + b));
            assertEquals("lab1", ma.get("host").asText());
            assertEquals("container", ma.get("driverType").asText());
            assertEquals("10.123.0.10", ma.get("internalIp").asText());
            assertEquals("10.123.0.11", mb.get("internalIp").asText());
            assertEquals("http://10.123.0.10/", ma.get("openUrl").asText());

            String pageA = Containers.get(ma.get("openUrl").asText());
            String pageB = Containers.get(mb.get("openUrl").asText());
            assertTrue(pageA, pageA.startsWith("200 ") && pageA.contains(ma.get("serial").asText())
                && pageA.contains(ma.get("hostname").asText()) && pageA.contains("MT PBX 16.2"));
            assertFalse("A's page is A's alone", pageA.contains(mb.get("serial").asText()));
            assertTrue(pageB, pageB.startsWith("200 ") && pageB.contains(mb.get("serial").asText()));

            awaitJob(admin, ok(admin.post(API + "/machines/" + a + "/stop", Map.of("confirm", true))).get("id").asLong());
            assertTrue(Containers.get(ma.get("openUrl").asText()).startsWith("-1 "));
            awaitJob(admin, ok(admin.post(API + "/machines/" + a + "/start", Map.of())).get("id").asLong());
            assertTrue(Containers.get(ma.get("openUrl").asText()).startsWith("200 "));

            JsonNode hosts = ok(admin.get(API + "/hosts"));
            assertEquals(hosts.toString(), 2, hosts.get(0).get("machines").asLong());
            ShellResult cli = shellAs("admin", adminPassword(), "mtm:host-list");
            assertFalse(cli.errorMessage(), cli.failed());
            assertTrue(cli.output(), cli.output().contains("lab1") && cli.output().contains("container")
                && cli.output().contains(Containers.NETWORK));
            String user = unique("hostpeek");
            createAccountWithAdmin("reseller", unique("Peek"), user, "Peek-pass-123");
            assertEquals("a reseller does not see hosts", 403, http(user, "Peek-pass-123").get(API + "/hosts").status());

            stopAndDelete(admin, a);
            assertFalse("the driver removed the namespace", Containers.namespaceExists(ma.get("serial").asText()));
            // At once, a new machine gets a's address: it answers there (it used to stay CREATING for good, while
            // the bridge kept sending to the deleted machine's hardware address).
            long c = create(admin, "pbx-cc");
            JsonNode mc = ok(admin.get(API + "/machines/" + c));
            assertEquals("10.123.0.10", mc.get("internalIp").asText());
            assertEquals("RUNNING", mc.get("state").asText());
            String pageC = Containers.get(mc.get("openUrl").asText());
            assertTrue(pageC, pageC.startsWith("200 ") && pageC.contains(mc.get("serial").asText()));
            JsonNode jobs = ok(admin.get(API + "/jobs?machineId=" + c));
            assertEquals(jobs.toString(), 0, jobs.get("items").get(0).get("attempts").asInt());
            stopAndDelete(admin, b);
            stopAndDelete(admin, c);
            assertEquals(0, ok(admin.post(API + "/reconcile", Map.of())).get("drifts").size());
        } finally {
            Containers.sweep();
        }
    }

    private long create(Http admin, String prefix) throws Exception {
        String hostname = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode draft = ok(admin.post(API + "/machines/drafts", Map.of("hostname", hostname, "plan", "SS", "customer", customer())));
        JsonNode job = ok(admin.post(API + "/machines", Map.of("draftId", draft.get("id").asLong())));
        awaitJob(admin, job.get("id").asLong());
        return job.get("machineId").asLong();
    }

    private void stopAndDelete(Http admin, long id) throws Exception {
        if (!"STOPPED".equals(ok(admin.get(API + "/machines/" + id)).get("state").asText())) {
            awaitJob(admin, ok(admin.post(API + "/machines/" + id + "/stop", Map.of("confirm", true))).get("id").asLong());
        }
        awaitJob(admin, ok(admin.delete(API + "/machines/" + id + "?confirm=true")).get("id").asLong());
        assertEquals("DELETED", ok(admin.get(API + "/machines/" + id)).get("state").asText());
    }
}
