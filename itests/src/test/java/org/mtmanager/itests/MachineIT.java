package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/** A reseller's machine through its whole life over REST, on a libvirt host (libvirt's test driver). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class MachineIT extends MtmTestSupport {

    @Test
    public void lifecycleOverRest() throws Exception {
        String pw = "Machines-pass-1";
        String user = unique("pbxseller");
        createAccountWithAdmin("reseller", unique("MachineReseller"), user, pw);
        Http me = http(user, pw);
        String hostname = "pbx-" + UUID.randomUUID().toString().substring(0, 8);

        Http.Response bad = me.post(API + "/machines/drafts", Map.of("hostname", "Not A Label!", "plan", "S",
            "customer", customer()));
        assertEquals(bad.toString(), 400, bad.status());
        assertEquals("hostname", bad.json().get("field").asText());
        Http.Response noCustomer = me.post(API + "/machines/drafts", Map.of("hostname", hostname, "plan", "S"));
        assertEquals("customer", noCustomer.json().get("field").asText());
        Http.Response tooMany = me.post(API + "/machines/drafts", Map.of("hostname", hostname, "plan", "S",
            "extensions", 26, "customer", customer()));
        assertEquals("extensions", tooMany.json().get("field").asText());

        JsonNode draft = ok(me.post(API + "/machines/drafts", Map.of("hostname", hostname, "plan", "S",
            "extensions", 10, "tenants", 2, "customer", customer())));
        String key = "create-" + hostname;
        Http.Response created = me.withKey(key).post(API + "/machines", Map.of("draftId", draft.get("id").asLong()));
        assertEquals(created.toString(), 202, created.status());
        JsonNode job = created.json();
        long machineId = job.get("machineId").asLong();
        assertEquals("the same key gives the same job", job.get("id").asLong(),
            me.withKey(key).post(API + "/machines", Map.of("draftId", draft.get("id").asLong())).json().get("id").asLong());
        JsonNode listed = ok(me.get(API + "/machines"));
        assertEquals(1, listed.get("total").asLong());
        assertEquals(hostname, listed.get("items").get(0).get("hostname").asText());

        awaitJob(me, job.get("id").asLong());
        JsonNode machine = ok(me.get(API + "/machines/" + machineId));
        assertEquals("RUNNING", machine.get("state").asText());
        assertTrue(machine.get("serial").asText().matches("MT\\d{10}"));
        assertEquals("10.100.0.10", machine.get("internalIp").asText());
        assertEquals("lab1", machine.get("host").asText());
        assertTrue(machine.get("driverAvailable").asBoolean());
        assertEquals("http://10.100.0.10/", machine.get("openUrl").asText());
        assertEquals("16.2", machine.get("pbxVersion").asText());
        assertEquals(10, ok(me.get(API + "/machines/totals")).get("extensions").asLong());
        assertEquals("cloudphone", ok(me.put(API + "/machines/" + machineId + "/apps/cloudphone", Map.of()))
            .get("apps").get(0).asText());
        Http.Response unknownApp = me.put(API + "/machines/" + machineId + "/apps/nope", Map.of());
        assertEquals(404, unknownApp.status());
        assertEquals("appKey", unknownApp.json().get("field").asText());
        assertEquals(0, ok(me.delete(API + "/machines/" + machineId + "/apps/cloudphone")).get("apps").size());
        ok(me.put(API + "/machines/" + machineId + "/apps/statexplorer", Map.of()));

        // A plan change waits for the platform administrator, and is applied through the driver once approved.
        Http.Response tooSmall = me.post(API + "/plan-changes", Map.of("machineId", machineId, "plan", "SS"));
        assertEquals(tooSmall.toString(), 422, tooSmall.status());
        JsonNode request = ok(me.post(API + "/plan-changes", Map.of("machineId", machineId, "plan", "M", "reason", "growth")));
        assertEquals("PENDING", request.get("state").asText());
        assertEquals(409, me.post(API + "/plan-changes", Map.of("machineId", machineId, "plan", "L")).status());
        long requestId = request.get("id").asLong();
        assertEquals(403, me.post(API + "/plan-changes/" + requestId + "/approve", Map.of()).status());
        assertEquals("S", ok(me.get(API + "/machines/" + machineId)).get("planName").asText());
        JsonNode approved = ok(admin().post(API + "/plan-changes/" + requestId + "/approve", Map.of("note", "ok")));
        assertEquals("APPROVED", approved.get("state").asText());
        awaitJob(me, approved.get("jobId").asLong());
        assertEquals("M", ok(me.get(API + "/machines/" + machineId)).get("planName").asText());
        assertEquals(409, admin().post(API + "/plan-changes/" + requestId + "/reject", Map.of()).status());
        JsonNode decisions = ok(admin().get(API + "/audit?action=machine.plan-*&outcome=SUCCESS"));
        assertEquals("the request and the approval", 2, decisions.get("total").asLong());

        Http.Response deleteRunning = me.delete(API + "/machines/" + machineId + "?confirm=true");
        assertEquals(deleteRunning.toString(), 409, deleteRunning.status());
        Http.Response unconfirmed = me.post(API + "/machines/" + machineId + "/stop", Map.of());
        assertEquals(400, unconfirmed.status());
        assertEquals("confirm", unconfirmed.json().get("field").asText());
        awaitJob(me, ok(me.post(API + "/machines/" + machineId + "/stop", Map.of("confirm", true))).get("id").asLong());
        assertEquals("STOPPED", ok(me.get(API + "/machines/" + machineId)).get("state").asText());

        Http.Response start = me.post(API + "/machines/" + machineId + "/start", Map.of());
        assertEquals(202, start.status());
        Http.Response again = me.post(API + "/machines/" + machineId + "/start", Map.of());
        assertEquals("one job at a time, and a running machine cannot start: " + again, 409, again.status());
        awaitJob(me, start.json().get("id").asLong());
        awaitJob(me, ok(me.post(API + "/machines/" + machineId + "/stop", Map.of("confirm", true))).get("id").asLong());

        // Another reseller sees neither the machine nor its jobs.
        String other = unique("otherseller");
        createAccountWithAdmin("reseller", unique("OtherReseller"), other, pw);
        assertEquals(404, http(other, pw).get(API + "/machines/" + machineId).status());
        assertEquals(404, http(other, pw).get(API + "/jobs/" + job.get("id").asLong()).status());
        assertEquals(0, ok(http(other, pw).get(API + "/machines")).get("total").asLong());

        assertEquals(400, me.delete(API + "/machines/" + machineId).status());
        awaitJob(me, ok(me.delete(API + "/machines/" + machineId + "?confirm=true")).get("id").asLong());
        assertEquals("DELETED", ok(me.get(API + "/machines/" + machineId)).get("state").asText());
        assertEquals(0, ok(me.get(API + "/machines")).get("total").asLong());
        assertEquals(1, ok(me.get(API + "/machines?state=DELETED")).get("total").asLong());
        assertEquals(6, ok(me.get(API + "/jobs?machineId=" + machineId)).get("total").asLong());

        JsonNode audit = ok(admin().get(API + "/audit?action=machine.*&actor=" + user));
        assertTrue(audit.toString(), audit.get("total").asLong() >= 6);
        assertFalse(audit.toString(), audit.get("items").get(0).get("detail").isNull());
    }

    @Test
    public void upgradeTakesEveryStepInOneJob() throws Exception {
        String pw = "Machines-pass-2";
        String user = unique("upgrader");
        createAccountWithAdmin("reseller", unique("UpgradeReseller"), user, pw);
        Http me = http(user, pw);
        Http admin = admin();
        ok(admin.put(API + "/settings/pbx.upgrade-path", Map.of("value", "15.0")));
        String hostname = "pbx-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode draft = ok(me.post(API + "/machines/drafts", Map.of("hostname", hostname, "plan", "SS", "customer", customer())));
        JsonNode created = ok(me.post(API + "/machines", Map.of("draftId", draft.get("id").asLong())));
        long id = created.get("machineId").asLong();
        awaitJob(me, created.get("id").asLong());
        assertEquals("15.0", ok(me.get(API + "/machines/" + id)).get("pbxVersion").asText());
        assertEquals(409, me.post(API + "/machines/" + id + "/upgrade", Map.of("password", pw)).status());

        ok(admin.put(API + "/settings/pbx.upgrade-path", Map.of("value", "15.0 > 15.3 > 16.0 > 16.2")));
        Http.Response wrong = me.post(API + "/machines/" + id + "/upgrade", Map.of("password", "not-my-password"));
        assertEquals(wrong.toString(), 401, wrong.status());
        assertEquals("password", wrong.json().get("field").asText());
        JsonNode job = ok(me.post(API + "/machines/" + id + "/upgrade", Map.of("password", pw)));
        assertEquals("UPGRADE", job.get("type").asText());
        JsonNode done = awaitJob(me, job.get("id").asLong());
        assertTrue(done.toString(), done.get("result").asText().contains("16.2 in 3 step(s)"));
        JsonNode machine = ok(me.get(API + "/machines/" + id));
        assertEquals("16.2", machine.get("pbxVersion").asText());
        assertEquals("RUNNING", machine.get("state").asText());
    }

    @Test
    public void theConsoleDrivesTheSameLifecycle() throws Exception {
        String pw = "Machines-pass-3";
        String user = unique("cliseller");
        createAccountWithAdmin("reseller", unique("CliMachines"), user, pw);
        String hostname = "pbx-" + UUID.randomUUID().toString().substring(0, 8);
        ShellResult created = shellAs(user, pw, "mtm:machine-create --plan S --company 'Bodega Garcia SL' --contact Ana "
            + "--email ana@bodega.example --phone '+34 910 000 000' --address 'Calle Mayor 1' --tax-id B1 --extensions 5 " + hostname);
        assertFalse(created.errorMessage(), created.failed());
        assertTrue(created.output(), created.output().contains("is running"));
        ShellResult list = shellAs(user, pw, "mtm:machine-list");
        assertTrue(list.output(), list.output().contains(hostname) && list.output().contains("5 extensions"));
        ShellResult unconfirmed = shellAs(user, pw, "mtm:machine-stop " + hostname);
        assertTrue("no terminal answered the question", unconfirmed.failed());
        assertTrue(unconfirmed.errorMessage(), unconfirmed.errorMessage().startsWith("INVALID_FIELD [confirm]"));
        ShellResult stopped = shellAs(user, pw, "mtm:machine-stop --confirm " + hostname);
        assertFalse(stopped.errorMessage(), stopped.failed());
        assertTrue(stopped.output(), stopped.output().contains("SUCCEEDED"));
        ShellResult app = shellAs(user, pw, "mtm:machine-app " + hostname + " cloudphone");
        assertTrue(app.output(), app.output().contains("apps: cloudphone"));
        ShellResult request = shellAs(user, pw, "mtm:plan-change-request --password " + pw + " --reason more " + hostname + " M");
        assertFalse(request.errorMessage(), request.failed());
        ShellResult denied = shellAs(user, pw, "mtm:plan-change-decide --approve 1");
        assertTrue(denied.errorMessage(), denied.errorMessage().startsWith("FORBIDDEN"));
        ShellResult pending = shellAs("admin", adminPassword(), "mtm:plan-change-list --state PENDING --json");
        long requestId = Http.JSON.readTree(pending.output()).get(0).get("id").asLong();
        ShellResult approved = shellAs("admin", adminPassword(), "mtm:plan-change-decide --password " + adminPassword() + " --approve --note ok " + requestId);
        assertFalse(approved.errorMessage(), approved.failed());
        assertTrue(approved.output(), approved.output().contains("now on plan M"));
        ShellResult deleted = shellAs(user, pw, "mtm:machine-delete --password " + pw + " --confirm " + hostname);
        assertFalse(deleted.errorMessage(), deleted.failed());
        ShellResult show = shellAs(user, pw, "mtm:machine-list --state DELETED --json");
        assertEquals(1, Http.JSON.readTree(show.output()).get("total").asLong());
    }

    @Test
    public void soapProvisioningFollowsTheSameRules() throws Exception {
        String pw = "Machines-pass-4";
        String user = unique("soapseller");
        String other = unique("soapother");
        createAccountWithAdmin("reseller", unique("SoapMachines"), user, pw);
        createAccountWithAdmin("reseller", unique("SoapOther"), other, pw);
        Soap soap = soap(user, pw).service("ProvisioningService");
        String hostname = "pbx-" + UUID.randomUUID().toString().substring(0, 8);
        Soap.Reply created = soap.call("createMachine", "<v1:machine><v1:hostname>" + hostname + "</v1:hostname>"
            + "<v1:company>Soap SL</v1:company><v1:contact>Luis</v1:contact><v1:email>luis@example.com</v1:email>"
            + "<v1:phone>+34 600 111 222</v1:phone><v1:address>Calle 3</v1:address><v1:taxId>B3</v1:taxId>"
            + "<v1:plan>S</v1:plan></v1:machine><v1:idempotencyKey>soap-" + hostname + "</v1:idempotencyKey>");
        assertFalse(created.toString(), created.isFault());
        long machineId = Long.parseLong(created.text("machineId"));
        long jobId = Long.parseLong(created.text("id"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!"SUCCEEDED".equals(soap.call("getJob", "<v1:id>" + jobId + "</v1:id>").text("state"))) {
            assertTrue("job did not end", System.nanoTime() < deadline);
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertEquals("RUNNING", soap.call("getMachine", "<v1:id>" + machineId + "</v1:id>").text("state"));
        Soap.Reply unconfirmed = soap.call("stopMachine", "<v1:id>" + machineId + "</v1:id><v1:confirm>false</v1:confirm>");
        assertEquals("INVALID_FIELD", unconfirmed.faultCode());
        assertEquals("confirm", unconfirmed.text("field"));
        Soap.Reply foreign = soap(other, pw).service("ProvisioningService").call("getMachine", "<v1:id>" + machineId + "</v1:id>");
        assertEquals("NOT_FOUND", foreign.faultCode());
        assertEquals(1, soap.call("listMachines", "").count("items"));
        assertEquals("cloudphone", soap.call("activateApp", "<v1:id>" + machineId + "</v1:id><v1:appKey>cloudphone</v1:appKey>")
            .text("apps"));
        Soap.Reply request = soap.call("requestPlanChange", "<v1:machineId>" + machineId + "</v1:machineId><v1:plan>M</v1:plan>");
        assertEquals("PENDING", request.text("state"));
        long requestId = Long.parseLong(request.text("id"));
        assertEquals("FORBIDDEN", soap.call("decidePlanChange", "<v1:id>" + requestId + "</v1:id><v1:approve>true</v1:approve>")
            .faultCode());
        Soap.Reply rejected = soap("admin", adminPassword()).service("ProvisioningService").call("decidePlanChange",
            "<v1:id>" + requestId + "</v1:id><v1:approve>false</v1:approve><v1:note>not now</v1:note>");
        assertEquals("REJECTED", rejected.text("state"));
        assertEquals(1, soap.call("listPlanChanges", "<v1:state>REJECTED</v1:state>").count("planChange"));
    }

}
