package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.MachineEntity;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Billing is a feature of its own: the distribution booted without it runs machines, access and DID routes, and
 * has no billing anywhere (REST 404, no SOAP BillingService, no console commands, nothing in the OpenAPI document).
 * Installed while the server runs, its REST resources, SOAP port and commands appear and work, and its ledger
 * records the days it missed; uninstalled, they go, and the rest works on. Both without Karaf's auto refresh
 * ({@code feature:install -r}, as the README says): with it, Karaf refreshes pgjdbc for an optional import and
 * restarts every bundle above it. The portal's side (Reports shown only
 * while billing is there) is PortalJourneys#theReportsComeAndGoWithTheBillingFeature, in a browser.
 */
@RunWith(PaxExam.class)
// A container of its own: under PerSuite, the first class's configuration (here, no billing) is every class's.
@ExamReactorStrategy(PerClass.class)
public class BillingFeatureIT extends MtmTestSupport {
    /** The distribution's boot features, with the {@code mtm} feature's parts but billing. */
    private static final String BOOT_WITHOUT_BILLING = "instance, package, scr, log, ssh, framework, system, eventadmin, feature,"
        + " shell, management, service, jaas, diagnostic, deployer, bundle, config, wrap, mtm-tls, mtm-tenant, mtm-machine, mtm-access, mtm-rest,"
        + " mtm-soap, mtm-shell, mtm-portal, mtm-hypervisor-libvirt, mtm-hypervisor-container, mtm-firewall-nftables,"
        + " mtm-firewall-iptables";
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    @Inject
    protected FeaturesService features;

    @Inject
    protected Store store;

    @Override
    @Configuration
    public Option[] config() throws IOException {
        List<Option> options = new ArrayList<>(Arrays.asList(super.config()));
        options.add(editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBoot", BOOT_WITHOUT_BILLING));
        // The ledger's first run comes soon after billing starts, as on the shipped default (20 s), only sooner.
        options.add(editConfigurationFilePut("etc/org.mtmanager.billing.cfg", "firstDelaySeconds", "2"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void billingComesAndGoesWithItsFeatureAndTheRestWorksThroughout() throws Exception {
        String pw = "Billing-feature-1";
        String user = unique("billseller");
        long reseller = createAccountWithAdmin("reseller", unique("BillingFeatureReseller"), user, pw);
        Http me = http(user, pw);
        Http admin = admin();
        String period = LocalDate.now(ZoneOffset.UTC).minusDays(1).format(DateTimeFormatter.ofPattern("yyyy-MM"));

        // Without billing: machines, access and DID routes work; billing is nowhere.
        assertFalse(features.isInstalled(features.getFeature("mtm-billing")));
        long machine = createMachine(me);
        ok(me.post(API + "/machines/" + machine + "/access", Map.of("source", "198.51.100.20", "service", "ssh")));
        String did = "+3491" + (1_000_000 + (int) (Math.random() * 8_999_999));
        ok(admin.post(API + "/did-routes", Map.of("number", did, "machine", String.valueOf(machine))));
        assertEquals(machine, ok(admin.get(API + "/did-routes/lookup?number=%2B" + did.substring(1))).get("route").get("machineId").asLong());
        assertBillingAbsent(admin, reseller, period);

        // The machine existed three days before billing came (its days were never recorded).
        Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3));
        store.writing(em -> em.find(MachineEntity.class, machine).setCreatedAt(threeDaysAgo));

        try (Availability gap = new Availability(admin())) {
            features.installFeature("mtm-billing", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            await("billing in the OpenAPI document", 90, () -> paths(admin).contains("/statements/{accountId}/{period}"));
            System.out.println("BillingFeatureIT: while billing was installed, GET /machines failed for " + gap.longestMs() + " ms at most");
        }
        await("the ledger has recorded the days it missed", 90, () -> {
            JsonNode usage = admin.get(API + "/usage?accountId=" + reseller + "&period=" + period).json();
            return usage != null && usage.has("items") && usage.get("items").size() > 0;
        });
        JsonNode recorded = ok(admin.get(API + "/usage?accountId=" + reseller + "&period=" + period));
        assertEquals(recorded.toString(), machine, recorded.get("items").get(0).get("machineId").asLong());
        int expectedDays = daysOf(threeDaysAgo, period);
        assertEquals("a record for each complete day of the period since the machine was created: " + recorded,
            expectedDays, recorded.get("total").asInt());
        ok(admin.put(API + "/price-lists/" + reseller, Map.of("currency", "EUR", "ratingMode", "PRO_RATA",
            "prices", Map.of("USER", new BigDecimal("1.00")))));
        JsonNode statement = ok(admin.get(API + "/statements/" + reseller + "/" + period));
        assertEquals(period, statement.get("period").asText());
        Soap.Reply soap = billingSoap("admin", adminPassword(), "<b:listStatements><b:accountId>" + reseller + "</b:accountId></b:listStatements>");
        assertEquals(soap.raw(), 200, soap.status());
        assertFalse(soap.raw(), soap.isFault());
        ShellResult shown = shellAs("admin", adminPassword(), "mtm:statement-show " + reseller + " " + period);
        assertFalse(shown.errorMessage() + shown.output(), shown.failed());
        assertTrue(shown.output(), shown.output().contains(period));

        // Uninstalled: billing goes, and the rest works on.
        try (Availability gap = new Availability(admin())) {
            features.uninstallFeature("mtm-billing", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            await("billing gone from the OpenAPI document", 90, () -> !paths(admin).contains("/statements/{accountId}/{period}"));
            System.out.println("BillingFeatureIT: while billing was uninstalled, GET /machines failed for " + gap.longestMs() + " ms at most");
        }
        assertBillingAbsent(admin, reseller, period);
        assertEquals(machine, ok(me.get(API + "/machines/" + machine)).get("id").asLong());
        assertEquals(1, ok(me.get(API + "/machines/" + machine + "/access")).get("grants").size());
        long second = createMachine(me);
        assertTrue(second != machine);
        Soap.Reply provisioning = new Soap(me, user, pw).service("ProvisioningService")
            .call("getMachine", "<v1:id>" + machine + "</v1:id>");
        assertFalse(provisioning.raw(), provisioning.isFault());
        ShellResult list = shellAs(user, pw, "mtm:machine-list");
        assertFalse(list.errorMessage(), list.failed());
    }

    private long createMachine(Http me) throws Exception {
        JsonNode draft = ok(me.post(API + "/machines/drafts", Map.of("hostname", "pbx-" + UUID.randomUUID().toString().substring(0, 8),
            "plan", "SS", "customer", customer())));
        JsonNode create = ok(me.post(API + "/machines", Map.of("draftId", draft.get("id").asLong())));
        JsonNode job = awaitJob(me, create.get("id").asLong());
        assertEquals(job.toString(), "SUCCEEDED", job.get("state").asText());
        return create.get("machineId").asLong();
    }

    private void assertBillingAbsent(Http admin, long account, String period) throws Exception {
        for (String path : List.of("/usage?accountId=" + account + "&period=" + period, "/statements/" + account + "/" + period,
            "/price-lists/" + account, "/reports/active-users")) {
            assertEquals(path, 404, admin.get(API + path).status());
        }
        List<String> paths = paths(admin);
        assertTrue(paths.toString(), paths.contains("/machines") && paths.stream().noneMatch(p -> p.startsWith("/usage")
            || p.startsWith("/statements") || p.startsWith("/price-lists") || p.startsWith("/reports")));
        Http.Response soap = admin().send("POST", "/mtm/soap/BillingService", "text/xml; charset=UTF-8",
            billingEnvelope("admin", adminPassword(), "<b:listStatements><b:accountId>" + account + "</b:accountId></b:listStatements>"));
        assertEquals(soap.body(), 404, soap.status());
        ShellResult shown = shellAs("admin", adminPassword(), "mtm:statement-show " + account + " " + period);
        assertTrue(shown.output(), shown.failed());
    }

    private static List<String> paths(Http http) {
        List<String> paths = new ArrayList<>();
        http.get(API + "/openapi.json").json().get("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    /** The days of the period from the machine's creation through yesterday (UTC), each recorded once. */
    private static int daysOf(Instant created, String period) {
        int days = 0;
        for (LocalDate d = created.atOffset(ZoneOffset.UTC).toLocalDate(); d.isBefore(LocalDate.now(ZoneOffset.UTC)); d = d.plusDays(1)) {
            if (d.format(DateTimeFormatter.ofPattern("yyyy-MM")).equals(period)) {
                days++;
            }
        }
        return days;
    }

    private Soap.Reply billingSoap(String user, String password, String body) throws IOException {
        return new Soap(admin(), user, password).service("BillingService").raw(billingEnvelope(user, password, body));
    }

    private static String billingEnvelope(String user, String password, String body) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:b=\"urn:mtmanager:soap:billing:v1\">"
            + "<soapenv:Header><wsse:Security soapenv:mustUnderstand=\"1\" xmlns:wsse=\"" + WSSE + "\"><wsse:UsernameToken>"
            + "<wsse:Username>" + Soap.xml(user) + "</wsse:Username><wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/"
            + "oasis-200401-wss-username-token-profile-1.0#PasswordText\">" + Soap.xml(password) + "</wsse:Password>"
            + "</wsse:UsernameToken></wsse:Security></soapenv:Header><soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>";
    }

    /**
     * Asks for the machines every 20 ms while it is open, and keeps the longest run of failed answers: the REST
     * server is built again when resources come or go, and the API answers 404 meanwhile (printed, not asserted).
     */
    private static final class Availability implements AutoCloseable {
        private final Thread prober;
        private volatile boolean open = true;
        private volatile long longest;

        Availability(Http http) {
            prober = new Thread(() -> {
                long failingSince = 0;
                while (open) {
                    long now = System.nanoTime();
                    if (http.get(API + "/machines?limit=1").status() == 200) {
                        failingSince = 0;
                    } else if (failingSince == 0) {
                        failingSince = now;
                    } else {
                        longest = Math.max(longest, TimeUnit.NANOSECONDS.toMillis(now - failingSince));
                    }
                    try {
                        TimeUnit.MILLISECONDS.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "availability-probe");
            prober.start();
        }

        long longestMs() {
            return longest;
        }

        @Override
        public void close() throws InterruptedException {
            open = false;
            prober.join(5000);
        }
    }
}
