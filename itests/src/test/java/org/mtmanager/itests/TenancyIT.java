package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/** A reseller's customers are invisible to every other reseller, on REST, SOAP and the console alike. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class TenancyIT extends MtmTestSupport {

    @Test
    public void resellerCreatesACustomerThatASecondResellerCannotSee() throws Exception {
        String pw = "Reseller-pass-1";
        String r1 = unique("ramon");
        String r2 = unique("jose");
        long reseller1 = createAccountWithAdmin("reseller", unique("MaquinasRamon"), r1, pw);
        createAccountWithAdmin("reseller", unique("MaquinasJoseAntonio"), r2, pw);

        Http ramon = http(r1, pw);
        Http.Response created = ramon.post(API + "/accounts", Map.of("type", "customer", "name", "Bodega Garcia",
            "contactEmail", "it@bodega.example"));
        assertEquals(created.toString(), 201, created.status());
        JsonNode customer = created.json();
        long customerId = customer.get("id").asLong();
        assertEquals(reseller1, customer.get("parentId").asLong());
        assertEquals("customer", customer.get("type").asText());
        assertEquals(200, ramon.get(API + "/accounts/" + customerId).status());

        // The second reseller: 404 (never 403) on REST, for reads and changes alike, and nothing in its lists.
        Http jose = http(r2, pw);
        Http.Response foreign = jose.get(API + "/accounts/" + customerId);
        assertEquals(foreign.toString(), 404, foreign.status());
        assertEquals("NOT_FOUND", foreign.json().get("error").asText());
        assertEquals(404, jose.patch(API + "/accounts/" + customerId, Map.of("name", "stolen")).status());
        assertEquals(404, jose.delete(API + "/accounts/" + customerId).status());
        assertEquals(404, jose.get(API + "/accounts/" + customerId + "/whitelist").status());
        JsonNode list = ok(jose.get(API + "/accounts?limit=1000"));
        assertEquals(1, list.get("total").asLong());
        list.get("items").forEach(a -> assertFalse(a.get("id").asLong() == customerId));
        assertEquals("Bodega Garcia", ok(ramon.get(API + "/accounts/" + customerId)).get("name").asText());

        // The same on SOAP.
        Soap.Reply soapForeign = soap(r2, pw).call("getAccount", "<v1:id>" + customerId + "</v1:id>");
        assertTrue(soapForeign.toString(), soapForeign.isFault());
        assertEquals("NOT_FOUND", soapForeign.faultCode());
        Soap.Reply soapOwn = soap(r1, pw).call("getAccount", "<v1:id>" + customerId + "</v1:id>");
        assertFalse(soapOwn.toString(), soapOwn.isFault());
        assertEquals("Bodega Garcia", soapOwn.text("name"));

        // And on the console, logged in as each reseller.
        MtmTestSupport.ShellResult own = shellAs(r1, pw, "mtm:account-list");
        assertFalse(own.errorMessage(), own.failed());
        assertTrue(own.output(), own.output().contains("Bodega Garcia"));
        MtmTestSupport.ShellResult other = shellAs(r2, pw, "mtm:account-list");
        assertFalse(other.errorMessage(), other.failed());
        assertFalse(other.output(), other.output().contains("Bodega Garcia"));
        MtmTestSupport.ShellResult show = shellAs(r2, pw, "mtm:account-show " + customerId);
        assertTrue(show.failed());
        assertTrue(show.errorMessage(), show.errorMessage().startsWith("NOT_FOUND"));
    }

    @Test
    public void consoleCreatesThroughTheSameRules() throws Exception {
        String pw = "Reseller-pass-2";
        String user = unique("cli");
        createAccountWithAdmin("reseller", unique("CliReseller"), user, pw);
        MtmTestSupport.ShellResult r = shellAs(user, pw, "mtm:account-create --type customer --json CliCustomer");
        assertFalse(r.errorMessage(), r.failed());
        JsonNode created = Http.JSON.readTree(r.output());
        assertEquals("CliCustomer", created.get("name").asText());
        MtmTestSupport.ShellResult bad = shellAs(user, pw, "mtm:account-create --type operator Nope");
        assertTrue(bad.failed());
        assertTrue(bad.errorMessage(), bad.errorMessage().startsWith("RULE_VIOLATION [type]"));
        Http.Response viaRest = http(user, pw).get(API + "/accounts/" + created.get("id").asLong());
        assertEquals(200, viaRest.status());
    }

    @Test
    public void anAccountWithARunningMachineIsRefusedOnEveryFacade() throws Exception {
        String pw = "Reseller-pass-9";
        String user = unique("keeper");
        long reseller = createAccountWithAdmin("reseller", unique("KeepsMachines"), user, pw);
        Map<String, Object> draft = new HashMap<>(Map.of("accountId", reseller, "hostname", unique("pbx-kept"),
            "plan", "S", "customer", customer(), "extensions", 10, "tenants", 2));
        long draftId = ok(admin().post(API + "/machines/drafts", draft)).get("id").asLong();
        JsonNode job = ok(admin().post(API + "/machines", Map.of("draftId", draftId)));
        long machine = job.get("machineId").asLong();
        awaitJob(admin(), job.get("id").asLong());
        long activeBefore = ok(admin().get(API + "/reports/active-users?accountId=" + reseller)).get("machineCount").asLong();
        assertEquals(1, activeBefore);

        Http.Response rest = admin().delete(API + "/accounts/" + reseller);
        assertEquals(rest.toString(), 409, rest.status());
        assertEquals("CONFLICT", rest.json().get("error").asText());
        assertTrue(rest.toString(), rest.json().get("message").asText().contains("1 machine(s) not deleted"));
        Soap.Reply soap = soap("admin", adminPassword()).call("deleteAccount", "<v1:id>" + reseller + "</v1:id>");
        assertTrue(soap.toString(), soap.isFault());
        assertEquals("CONFLICT", soap.faultCode());
        MtmTestSupport.ShellResult shell = shellAs("admin", adminPassword(), "mtm:account-delete --password "
            + adminPassword() + " " + reseller);
        assertTrue(shell.failed());
        assertTrue(shell.errorMessage(), shell.errorMessage().startsWith("CONFLICT"));
        // Nothing changed: the account, its user and its running machine, still billed to it.
        assertEquals(200, http(user, pw).get(API + "/accounts/" + reseller).status());
        assertEquals("RUNNING", ok(admin().get(API + "/machines/" + machine)).get("state").asText());
        assertEquals(activeBefore, ok(admin().get(API + "/reports/active-users?accountId=" + reseller)).get("machineCount").asLong());

        awaitJob(admin(), ok(admin().post(API + "/machines/" + machine + "/stop", Map.of("confirm", true))).get("id").asLong());
        awaitJob(admin(), ok(admin().delete(API + "/machines/" + machine + "?confirm=true")).get("id").asLong());
        assertEquals(204, admin().delete(API + "/accounts/" + reseller).status());
        assertEquals(404, admin().get(API + "/accounts/" + reseller).status());
        assertEquals("its users went with it", 401, http(user, pw).get(API + "/users/me").status());
        assertEquals("the deleted machine's row stays, as history", "DELETED",
            ok(admin().get(API + "/machines/" + machine)).get("state").asText());
    }

    @Test
    public void thePlatformPreparesADistributorsMachinesAndOpensSshOnOne() throws Exception {
        String pw = "Distributor-pass-1";
        String user = unique("distri");
        long distributor = createAccountWithAdmin("distributor", unique("Distribuciones"), user, pw);
        Http me = http(user, pw);
        Map<String, Object> draft = new HashMap<>(Map.of("hostname", unique("pbx-self"), "plan", "S", "customer", customer(),
            "extensions", 10, "tenants", 1, "lines", 4));
        Http.Response own = me.post(API + "/machines/drafts", draft);
        assertEquals(own.toString(), 403, own.status());
        assertTrue(own.toString(), own.json().get("message").asText().contains("prepared for it by the platform"));
        MtmTestSupport.ShellResult shell = shellAs(user, pw, "mtm:machine-create --plan S --company Co --contact Ann"
            + " --email ann@example.com --phone +34600000000 --address Street --tax-id B1 --extensions 10 --lines 4 "
            + unique("pbx-console"));
        assertTrue(shell.failed());
        assertTrue(shell.errorMessage(), shell.errorMessage().startsWith("FORBIDDEN"));

        draft.put("accountId", distributor);
        long draftId = ok(admin().post(API + "/machines/drafts", draft)).get("id").asLong();
        assertEquals(403, me.post(API + "/machines", Map.of("draftId", draftId)).status());
        JsonNode job = ok(admin().post(API + "/machines", Map.of("draftId", draftId)));
        awaitJob(admin(), job.get("id").asLong());
        long machine = job.get("machineId").asLong();
        assertEquals(distributor, ok(me.get(API + "/machines/" + machine)).get("accountId").asLong());

        // SSH: refused to the distributor, granted by the platform on this machine, on a non-well-known port.
        Map<String, Object> ssh = Map.of("source", "198.18.0.9", "service", "ssh");
        assertEquals(403, me.post(API + "/machines/" + machine + "/access", ssh).status());
        JsonNode grant = ok(admin().post(API + "/machines/" + machine + "/access", ssh));
        assertTrue(grant.toString(), grant.get("externalPort").asInt() >= 1024);
    }
}
