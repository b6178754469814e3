package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.security.auth.Subject;

import org.apache.karaf.shell.api.console.Session;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The DID table through the real endpoints and commands: an operator routes numbers to its reseller's machines on
 * the libvirt test host, the SIP edge looks numbers up by longest prefix, a CSV file with a bad line changes
 * nothing, resellers see only their own machines' routes, and a deleted machine's routes go.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DidRouteIT extends MtmTestSupport {
    private static final String PW = "Did-routes-pass-1";

    /** A prefix of its own per run ("+99" and four digits), so numbers never clash with another test's. */
    private static String base() {
        return "+99" + (1000 + ThreadLocalRandom.current().nextInt(9000));
    }

    private long account(Long parentId, String type, String name, String user, String role) throws Exception {
        Map<String, Object> draft = parentId == null ? Map.of("type", type, "name", name)
            : Map.of("type", type, "name", name, "parentId", parentId);
        long id = ok(admin().post(API + "/accounts", draft)).get("id").asLong();
        ok(admin().post(API + "/users", Map.of("accountId", id, "username", user, "password", PW, "role", role)));
        return id;
    }

    private long machine(Http as, String hostname) throws Exception {
        JsonNode draft = ok(as.post(API + "/machines/drafts", Map.of("hostname", hostname, "plan", "SS", "customer", customer())));
        JsonNode job = ok(as.post(API + "/machines", Map.of("draftId", draft.get("id").asLong())));
        awaitJob(as, job.get("id").asLong());
        return job.get("machineId").asLong();
    }

    private static String host() {
        return "pbx-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Like {@link #shellAs}, with the command's input given, as ssh gives a command what is piped into it. */
    private ShellResult shellWithInput(String user, String command, String input) throws Exception {
        Subject subject = login(user, PW);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, out);
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
            return new ShellResult(bytes.toString(StandardCharsets.UTF_8), null);
        } catch (PrivilegedActionException e) {
            return new ShellResult(bytes.toString(StandardCharsets.UTF_8), e.getException());
        } finally {
            session.close();
        }
    }

    @Test
    public void routesOverRestAndTheConsole() throws Exception {
        String b = base();
        String opUser = unique("didop");
        String resUser = unique("didres");
        String otherUser = unique("didother");
        long op = account(null, "operator", unique("DidOperator"), opUser, "operator-admin");
        account(op, "reseller", unique("DidReseller"), resUser, "reseller-admin");
        account(null, "reseller", unique("DidOther"), otherUser, "reseller-admin");
        Http operator = http(opUser, PW);
        Http reseller = http(resUser, PW);
        Http other = http(otherUser, PW);
        Http admin = admin();
        String hostA = host();
        String hostB = host();
        String hostC = host();
        long a = machine(reseller, hostA);
        long bId = machine(reseller, hostB);
        machine(other, hostC);

        // Create and look up, by longest prefix.
        Http.Response created = operator.post(API + "/did-routes", Map.of("number", b.replace("+", "+ ") + "0", "machine", hostA,
            "description", "Main, Madrid"));
        assertEquals(created.toString(), 201, created.status());
        assertEquals(b + "0", created.json().get("number").asText());
        assertEquals(a, created.json().get("machineId").asLong());
        long routeA = created.json().get("id").asLong();
        long routeB = ok(operator.post(API + "/did-routes", Map.of("number", b + "01", "machine", String.valueOf(bId)))).get("id").asLong();
        JsonNode match = ok(admin.get(API + "/did-routes/lookup?number=%2B" + b.substring(1) + "0155"));
        assertEquals(b + "01", match.get("route").get("number").asText());
        assertEquals(hostB, match.get("route").get("machineHostname").asText());
        assertEquals("RUNNING", match.get("machineState").asText());
        assertTrue(match.toString(), match.get("internalIp").asText().startsWith("10.100."));
        assertEquals("an unencoded + reads as a space, and still works", a,
            ok(admin.get(API + "/did-routes/lookup?number=" + b + "0999")).get("route").get("machineId").asLong());
        Http.Response notRouted = admin.get(API + "/did-routes/lookup?number=%2B" + b.substring(1) + "9");
        assertEquals(notRouted.toString(), 404, notRouted.status());
        assertEquals("number", notRouted.json().get("field").asText());
        Http.Response badNumber = admin.get(API + "/did-routes/lookup?number=0034");
        assertEquals(400, badNumber.status());
        assertEquals("number", badNumber.json().get("field").asText());

        // Conflicts and overlaps.
        Http.Response twice = operator.post(API + "/did-routes", Map.of("number", b.substring(1) + "0", "machine", hostB));
        assertEquals(twice.toString(), 409, twice.status());
        assertEquals("number", twice.json().get("field").asText());
        ok(admin.post(API + "/did-routes", Map.of("number", b + "5", "machine", hostC)));
        Http.Response inside = operator.post(API + "/did-routes", Map.of("number", b + "55", "machine", hostA));
        assertEquals(inside.toString(), 422, inside.status());
        assertFalse("the other account's machine is not disclosed", inside.body().contains(hostC));
        assertEquals(404, operator.post(API + "/did-routes", Map.of("number", b + "6", "machine", hostC)).status());

        // Who sees and changes what.
        assertEquals(403, reseller.post(API + "/did-routes", Map.of("number", b + "7", "machine", hostA)).status());
        assertEquals(403, reseller.delete(API + "/did-routes/" + routeA).status());
        JsonNode mine = ok(reseller.get(API + "/did-routes?number=" + b.substring(1)));
        assertEquals(2, mine.get("total").asLong());
        assertEquals(b + "0", mine.get("items").get(0).get("number").asText());
        assertEquals(routeA, ok(reseller.get(API + "/did-routes/" + routeA)).get("id").asLong());
        // a filter by another tenant's machine is refused like a direct read of it, not answered with an empty page
        assertEquals(404, other.get(API + "/did-routes?machineId=" + a).status());
        assertEquals(404, other.get(API + "/did-routes/" + routeA).status());
        assertEquals(404, other.get(API + "/did-routes/lookup?number=%2B" + b.substring(1) + "0155").status());
        assertEquals(1, ok(other.get(API + "/did-routes?number=" + b.substring(1))).get("total").asLong());
        assertEquals("Main line", ok(operator.patch(API + "/did-routes/" + routeA, Map.of("description", "Main line")))
            .get("description").asText());

        // CSV: a file with one bad line changes nothing and names the line.
        String before = operator.get(API + "/did-routes/export").body();
        assertEquals("number,machine,description\n" + b + "0," + hostA + ",Main line\n" + b + "01," + hostB + ",\n", before);
        Http.Response bad = operator.send("POST", API + "/did-routes/import", "text/csv", "number,machine,description\n"
            + b + "2," + hostA + ",\"new, quoted\"\n\n" + b + "3,no-such-machine,\n" + b + "0," + hostB + ",moved\n");
        assertEquals(bad.toString(), 400, bad.status());
        assertEquals("file", bad.json().get("field").asText());
        assertEquals(1, bad.json().get("errors").size());
        assertEquals(4, bad.json().get("errors").get(0).get("line").asInt());
        assertEquals("machine", bad.json().get("errors").get(0).get("field").asText());
        assertEquals("nothing applied", before, operator.get(API + "/did-routes/export").body());
        JsonNode imported = ok(operator.send("POST", API + "/did-routes/import", "text/csv", "number,machine,description\n"
            + b + "2," + hostA + ",\"new, quoted\"\n\n" + b + "0," + hostB + ",moved\n"));
        assertEquals(1, imported.get("created").asInt());
        assertEquals(1, imported.get("updated").asInt());
        assertEquals(hostB, ok(operator.get(API + "/did-routes/" + routeA)).get("machineHostname").asText());
        HttpResponse<String> csv = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort() + API + "/did-routes"))
            .header("Accept", "text/csv").header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((resUser + ":" + PW).getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(csv.body(), 200, csv.statusCode());
        assertTrue(csv.headers().firstValue("content-type").orElse(""), csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        assertEquals("number,machine,description\n" + b + "0," + hostB + ",moved\n" + b + "01," + hostB + ",\n" + b + "2," + hostA
            + ",\"new, quoted\"\n", csv.body());
        assertEquals(403, reseller.send("POST", API + "/did-routes/import", "text/csv", "number,machine\n").status());
        Http.Response asJson = operator.post(API + "/did-routes/import", Map.of("number", b + "9"));
        assertEquals(asJson.toString(), 415, asJson.status());
        assertTrue(asJson.toString(), asJson.json().get("message").asText().contains("text/csv"));
        Http.Response badMode = operator.send("POST", API + "/did-routes/import?mode=upsert", "text/csv", "number,machine\n");
        assertEquals(badMode.toString(), 400, badMode.status());
        assertEquals("mode", badMode.json().get("field").asText());

        // The console: the same rules and messages.
        ShellResult add = shellAs(opUser, PW, "mtm:did-add --description console " + b + "3 " + hostA);
        assertFalse(add.errorMessage(), add.failed());
        assertTrue(add.output(), add.output().contains("Routed " + b + "3 to " + hostA));
        ShellResult dup = shellAs(opUser, PW, "mtm:did-add " + b + "3 " + hostB);
        assertTrue(dup.errorMessage(), dup.errorMessage().startsWith("CONFLICT [number]"));
        ShellResult lookup = shellAs(resUser, PW, "mtm:did-lookup " + b + "31234");
        assertTrue(lookup.output(), lookup.output().contains("-> " + hostA) && lookup.output().contains("by route " + b + "3"));
        ShellResult list = shellAs(resUser, PW, "mtm:did-list --json --number " + b.substring(1));
        assertEquals(4, Http.JSON.readTree(list.output()).get("total").asLong());
        ShellResult denied = shellAs(resUser, PW, "mtm:did-add " + b + "4 " + hostA);
        assertTrue(denied.errorMessage(), denied.errorMessage().startsWith("FORBIDDEN"));
        ShellResult export = shellAs(opUser, PW, "mtm:did-export");
        assertTrue(export.output(), export.output().startsWith("number,machine,description\n") && export.output().contains(b + "3," + hostA + ",console"));
        Path file = Files.createTempFile("did-", ".csv");
        Files.writeString(file, "number,machine\n" + b + "4," + hostA + "\n" + b + "5," + hostA + "\n");
        ShellResult noFiles = shellAs(opUser, PW, "mtm:did-import " + file);
        assertTrue(noFiles.errorMessage(), noFiles.errorMessage().startsWith("FORBIDDEN"));
        ShellResult adminImport = shellAs("admin", adminPassword(), "mtm:did-import " + file);
        assertFalse("the platform administrator manages every route, the other reseller's +...5 too: " + adminImport.errorMessage(),
            adminImport.failed());
        assertEquals(hostA, ok(admin.get(API + "/did-routes/lookup?number=%2B" + b.substring(1) + "5")).get("route").get("machineHostname").asText());
        Files.writeString(file, "number,machine\n" + b + "6," + hostA + "\n" + b + "7,nope\n");
        ShellResult rejected = shellAs("admin", adminPassword(), "mtm:did-import " + file);
        assertTrue(rejected.errorMessage(), rejected.errorMessage().startsWith("INVALID_FIELD [file]"));
        assertTrue(rejected.output(), rejected.output().contains("line 3: machine: nope not found"));
        assertEquals(404, admin.get(API + "/did-routes/lookup?number=%2B" + b.substring(1) + "6").status());
        // What ssh does with "mtm:did-import < routes.csv": the file is the session's input.
        ShellResult piped = shellWithInput(opUser, "mtm:did-import", "number,machine\n" + b + "8," + hostA + "\n");
        assertFalse(piped.errorMessage(), piped.failed());
        assertTrue(piped.output(), piped.output().contains("Imported 1 route(s): 1 created"));
        ShellResult removed = shellAs(opUser, PW, "mtm:did-delete " + b + "4");
        assertFalse(removed.errorMessage(), removed.failed());
        Files.delete(file);

        // Deleting a machine removes its routes (both of B's, +…0 since the import moved it there), audited.
        awaitJob(reseller, ok(reseller.post(API + "/machines/" + bId + "/stop", Map.of("confirm", true))).get("id").asLong());
        awaitJob(reseller, ok(reseller.delete(API + "/machines/" + bId + "?confirm=true")).get("id").asLong());
        assertEquals(0, ok(operator.get(API + "/did-routes?machineId=" + bId)).get("total").asLong());
        assertEquals(404, operator.get(API + "/did-routes/" + routeB).status());
        assertEquals(404, admin.get(API + "/did-routes/lookup?number=%2B" + b.substring(1) + "0155").status());
        JsonNode audit = ok(reseller.get(API + "/audit?action=did-route.delete&actor=system"));
        assertEquals(audit.toString(), 2, audit.get("total").asLong());
        assertTrue(audit.toString(), audit.get("items").get(0).get("detail").asText().contains(hostB));
        JsonNode changes = ok(admin.get(API + "/audit?action=did-route.*&actor=" + opUser));
        assertTrue(changes.toString(), changes.get("total").asLong() >= 5);
    }
}
