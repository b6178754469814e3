package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Network access is a feature of its own, with its facades: uninstalled while the server runs, its REST paths
 * (grants, the firewall, DID routes) answer 404 and leave the OpenAPI document, its console commands go, and the
 * SOAP ProvisioningService (machines' port) refuses only its grant operations, while machines keep working on
 * every facade. Installed again, all of it comes back, with the grants and routes it had.
 */
@RunWith(PaxExam.class)
// A container of its own: the feature is uninstalled, which no other class should see.
@ExamReactorStrategy(PerClass.class)
public class AccessFeatureIT extends MtmTestSupport {
    /** The distribution's boot features, with the {@code mtm} feature's parts named one by one (it requires access). */
    private static final String BOOT_FEATURES = "instance, package, scr, log, ssh, framework, system, eventadmin, feature,"
        + " shell, management, service, jaas, diagnostic, deployer, bundle, config, wrap, mtm-tls, mtm-tenant, mtm-machine, mtm-access,"
        + " mtm-billing, mtm-rest, mtm-soap, mtm-shell, mtm-portal, mtm-hypervisor-libvirt, mtm-hypervisor-container,"
        + " mtm-firewall-nftables, mtm-firewall-iptables";
    private static final List<String> ACCESS_PATHS = List.of("/machines/{id}/access", "/firewall/sync", "/did-routes");

    @Inject
    protected FeaturesService features;

    @Override
    @Configuration
    public Option[] config() throws IOException {
        List<Option> options = new ArrayList<>(Arrays.asList(super.config()));
        options.add(editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBoot", BOOT_FEATURES));
        return options.toArray(new Option[0]);
    }

    @Test
    public void accessComesAndGoesWithItsFeatureAndMachinesWorkThroughout() throws Exception {
        String pw = "Access-feature-1";
        String user = unique("accseller");
        createAccountWithAdmin("reseller", unique("AccessFeatureReseller"), user, pw);
        Http me = http(user, pw);
        Http admin = admin();
        Soap provisioning = new Soap(me, user, pw).service("ProvisioningService");

        // With network access: a grant and a DID route, on REST, SOAP and the console.
        long machine = createMachine(me);
        ok(me.post(API + "/machines/" + machine + "/access", Map.of("source", "198.51.100.30", "service", "ssh")));
        String did = "+3492" + (1_000_000 + (int) (Math.random() * 8_999_999));
        ok(admin.post(API + "/did-routes", Map.of("number", did, "machine", String.valueOf(machine))));
        Soap.Reply granted = provisioning.call("listAccess", "<v1:machineId>" + machine + "</v1:machineId>");
        assertFalse(granted.raw(), granted.isFault());
        assertEquals(granted.raw(), 1, granted.count("grant"));
        assertShell(user, pw, "mtm:did-list", did.substring(1));
        assertTrue(paths(admin).containsAll(ACCESS_PATHS));

        features.uninstallFeature("mtm-access", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        await("network access gone from the OpenAPI document", 90, () -> !paths(admin).contains("/did-routes"));

        // Without it: access is nowhere, and machines work on every facade.
        assertFalse(features.isInstalled(features.getFeature("mtm-access")));
        assertTrue(features.isInstalled(features.getFeature("mtm-machine")));
        List<String> paths = paths(admin);
        assertTrue(paths.toString(), paths.contains("/machines") && paths.stream().noneMatch(ACCESS_PATHS::contains));
        assertEquals(404, me.get(API + "/machines/" + machine + "/access").status());
        assertEquals(404, me.post(API + "/machines/" + machine + "/access", Map.of("source", "198.51.100.31", "service", "ssh")).status());
        assertEquals(404, admin.get(API + "/did-routes").status());
        assertEquals(404, admin.post(API + "/firewall/sync?repair=false", Map.of()).status());
        Soap.Reply refused = provisioning.call("listAccess", "<v1:machineId>" + machine + "</v1:machineId>");
        assertTrue(refused.raw(), refused.isFault());
        assertEquals(refused.raw(), "NOT_FOUND", refused.faultCode());
        assertTrue(refused.raw(), refused.faultString().contains("network access"));
        ShellResult didList = shellAs("admin", adminPassword(), "mtm:did-list");
        assertTrue(didList.output(), didList.failed());
        assertEquals(machine, ok(me.get(API + "/machines/" + machine)).get("id").asLong());
        long second = createMachine(me);
        assertTrue(second != machine);
        Soap.Reply got = provisioning.call("getMachine", "<v1:id>" + second + "</v1:id>");
        assertFalse(got.raw(), got.isFault());
        assertShell(user, pw, "mtm:machine-list", "pbx-");

        features.installFeature("mtm-access", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        await("network access back in the OpenAPI document", 90, () -> paths(admin).containsAll(ACCESS_PATHS));

        // Back, with what it had.
        assertEquals(1, ok(me.get(API + "/machines/" + machine + "/access")).get("grants").size());
        assertEquals(machine, ok(admin.get(API + "/did-routes/lookup?number=%2B" + did.substring(1))).get("route").get("machineId").asLong());
        ok(me.post(API + "/machines/" + second + "/access", Map.of("source", "198.51.100.32", "service", "ssh")));
        Soap.Reply again = provisioning.call("listAccess", "<v1:machineId>" + second + "</v1:machineId>");
        assertFalse(again.raw(), again.isFault());
        assertEquals(again.raw(), 1, again.count("grant"));
        assertShell(user, pw, "mtm:did-list", did.substring(1));
    }

    private void assertShell(String user, String password, String command, String expected) throws Exception {
        await(command + " is a console command", 30, () -> !shellAs(user, password, command).failed());
        ShellResult r = shellAs(user, password, command);
        assertFalse(r.errorMessage() + r.output(), r.failed());
        assertTrue(r.output(), r.output().contains(expected));
    }

    private long createMachine(Http me) throws Exception {
        JsonNode draft = ok(me.post(API + "/machines/drafts", Map.of("hostname", "pbx-" + UUID.randomUUID().toString().substring(0, 8),
            "plan", "SS", "customer", customer())));
        JsonNode create = ok(me.post(API + "/machines", Map.of("draftId", draft.get("id").asLong())));
        JsonNode job = awaitJob(me, create.get("id").asLong());
        assertEquals(job.toString(), "SUCCEEDED", job.get("state").asText());
        return create.get("machineId").asLong();
    }

    private static List<String> paths(Http http) {
        List<String> paths = new ArrayList<>();
        http.get(API + "/openapi.json").json().get("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }
}
