package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The nftables backend leaves and comes back through deploy/ while the platform runs: a grant made meanwhile is
 * PENDING, nothing is lost, and it is installed when the backend returns. The rules live in a namespace the test
 * makes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class FirewallHotDeployIT extends MtmTestSupport {
    static final String BACKEND = "mtm-firewall-nftables";

    @Inject
    protected BundleContext context;

    @Inject
    protected ConfigurationAdmin configAdmin;

    @Test
    public void aBackendBundleLeavesAndReturnsThroughDeployAndPendingGrantsAreInstalled() throws Exception {
        Assume.assumeTrue("needs nftables", Files.isExecutable(Path.of("/usr/sbin/nft")));
        String ns = "mtmit-fwhd-" + UUID.randomUUID().toString().substring(0, 6);
        sh("ip", "netns", "add", ns);
        // A real edge: it forwards, and the public address is its own (else the status names both as problems).
        sh("ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv4.ip_forward=1");
        sh("ip", "-n", ns, "addr", "add", "198.18.0.1/32", "dev", "lo");
        Path deployed = Paths.get(System.getProperty("karaf.base"), "deploy", BACKEND + ".jar");
        try {
            Configuration cfg = configAdmin.getConfiguration("org.mtmanager.firewall", null);
            Dictionary<String, Object> props = cfg.getProperties() == null ? new Hashtable<>() : cfg.getProperties();
            props.put("backend", "nftables");
            props.put("namespace", ns);
            props.put("publicAddress", "198.18.0.1");
            props.put("internalNetwork", "10.100.0.0/16");
            props.put("retrySeconds", "1");
            cfg.update(props);
            Http admin = admin();
            await("the firewall in sync, without problems", 60, () -> syncStatus(admin) != null && syncStatus(admin).get("problems").isEmpty());

            String hostname = "pbx-" + UUID.randomUUID().toString().substring(0, 8);
            JsonNode draft = ok(admin.post(API + "/machines/drafts", Map.of("hostname", hostname, "plan", "SS", "customer", customer())));
            JsonNode job = ok(admin.post(API + "/machines", Map.of("draftId", draft.get("id").asLong())));
            awaitJob(admin, job.get("id").asLong());
            long id = job.get("machineId").asLong();
            JsonNode first = ok(admin.post(API + "/machines/" + id + "/access", Map.of("source", "198.18.1.2", "service", "ssh")));
            assertEquals("ACTIVE", first.get("state").asText());

            Bundle backend = bundle();
            assertNotNull("the distribution boots the nftables backend", backend);
            Path jar = Files.createTempFile("backend", ".jar");
            try (var in = new URL(backend.getLocation()).openStream()) {
                Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
            }
            backend.uninstall();
            await("the firewall reporting a problem", 60, () -> syncStatus(admin) != null && !syncStatus(admin).get("problems").isEmpty());
            JsonNode second = ok(admin.post(API + "/machines/" + id + "/access", Map.of("source", "198.18.2.2", "service", "ssh")));
            assertEquals("stored, waiting for the backend", "PENDING", second.get("state").asText());
            assertFalse(nft(ns).contains("198.18.2.2"));

            Files.copy(jar, deployed, StandardCopyOption.REPLACE_EXISTING);
            await("the backend bundle installed", 60, () -> bundle() != null);
            await("the grants ACTIVE again", 60, () -> ok(admin.get(API + "/machines/" + id + "/access")).get("grants").findValues("state").stream()
                .allMatch(s -> s.asText().equals("ACTIVE")));
            String installed = nft(ns);
            assertTrue(installed, installed.contains("198.18.1.2") && installed.contains("198.18.2.2"));
        } finally {
            Files.deleteIfExists(deployed);
            sh("ip", "netns", "del", ns);
        }
    }

    /** The firewall's status; null while the API is not answering (it may be restarting after a change). */
    private static JsonNode syncStatus(Http admin) {
        Http.Response r = admin.post(API + "/firewall/sync?repair=false", Map.of());
        return r.status() == 200 ? r.json() : null;
    }

    /** The platform's whole table: single source addresses and blocks live in different sets. */
    private static String nft(String ns) throws Exception {
        return sh("ip", "netns", "exec", ns, "nft", "list", "table", "inet", "mtm");
    }

    private Bundle bundle() {
        return Arrays.stream(context.getBundles()).filter(b -> BACKEND.equals(b.getSymbolicName())).findFirst().orElse(null);
    }

    private static String sh(String... command) throws Exception {
        List<String> c = new ArrayList<>(List.of(command));
        if (Files.isExecutable(Path.of("/usr/sbin", c.get(0)))) {
            c.set(0, "/usr/sbin/" + c.get(0));
        }
        Process p = new ProcessBuilder(c).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
