package org.mtmanager.itests;

import static org.junit.Assert.assertTrue;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document as a contract, checked against the running server with requests made from the document alone:
 * for every operation that takes a JSON body, a body of the document's examples is not refused on any of its fields,
 * and every way of breaking a published rule (a required field left out, a text one character too long, a pattern or
 * an allowed value broken, a number out of its range or not a number, a field the schema does not have) is a 400
 * naming that field. Paths are filled with things the test makes first; an operation whose path it cannot fill fails
 * the test, so a new operation is checked from its first day.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ContractIT extends MtmTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Texts tried, in turn, against a pattern: the first that breaks it is sent. */
    private static final List<String> BREAKERS = List.of("!", "a b", "-", "..", "x!y", "0", "A");
    /**
     * Operations whose valid example is not sent: it would change the test's own credentials (the password, two-factor
     * authentication) or log in as the example's user. Their refusals are still checked.
     */
    private static final Set<String> NOT_SENT = Set.of("post /users/me/2fa", "post /users/me/2fa/confirm",
        "put /users/{id}/password", "post /users/me/password", "put /users/me/password", "post /sessions",
        "put /accounts/{id}/two-factor", "put /accounts/{id}/whitelist", "post /accounts/{id}/whitelist");

    private JsonNode doc;
    private final Map<String, String> fixtures = new LinkedHashMap<>();
    /** Values of the query parameters that operations require, by name. */
    private final Map<String, String> queryFixtures = new LinkedHashMap<>();
    private final List<String> broken = new ArrayList<>();
    private int refusalsChecked;

    private record Mutation(String field, String why, JsonNode body) {
    }

    @Test
    public void theServerKeepsTheContractItPublishes() throws Exception {
        doc = new Http(httpPort(), null, null, "127.0.0.1").get(API + "/openapi.json").json();
        Http admin = admin();
        makeFixtures(admin);
        int operations = 0;
        List<Runnable> validSends = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                queryRefusals(admin, op.getKey() + " " + path.getKey(), path.getKey(), op.getValue());
                JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
                if (schema.isMissingNode()) {
                    continue;
                }
                String name = op.getKey() + " " + path.getKey();
                String concrete = fill(path.getKey());
                if (concrete == null) {
                    broken.add(name + ": the test has nothing to fill its path with; add a fixture");
                    continue;
                }
                operations++;
                String method = op.getKey().toUpperCase();
                JsonNode resolved = resolve(schema);
                boolean array = "array".equals(resolved.path("type").asText());
                JsonNode item = array ? resolve(resolved.path("items")) : resolved;
                ObjectNode valid = example(name, "", item);
                samePathValues(path.getKey(), concrete, valid);
                for (Mutation m : mutations("", item, valid)) {
                    JsonNode body = array ? NODES.arrayNode().add(m.body()) : m.body();
                    String field = array ? "[0]." + m.field() : m.field();
                    Http.Response r = admin.send(method, concrete, "application/json", JSON.writeValueAsString(body));
                    refusalsChecked++;
                    String said = r.status() / 100 == 4 && r.body().startsWith("{") ? r.json().path("field").asText() : "";
                    // An array's items are named by the server's own name for the list: entries[0].cidr.
                    if (r.status() != 400 || !(said.equals(field) || said.endsWith(field))) {
                        broken.add(name + " with " + field + " " + m.why() + ": expected 400 naming " + field + ", got " + r);
                    }
                }
                if (!NOT_SENT.contains(name)) {
                    JsonNode body = array ? NODES.arrayNode().add(valid) : valid;
                    validSends.add(() -> sendValid(admin, name, method, concrete, body));
                }
            }
        }
        validSends.forEach(Runnable::run);
        System.out.println("ContractIT: " + operations + " operations with a body, " + refusalsChecked + " refusals checked");
        assertTrue(String.join("\n", broken), broken.isEmpty());
        assertTrue("operations with a body: " + operations, operations >= 25);
        assertTrue("refusals checked: " + refusalsChecked, refusalsChecked >= 150);
    }

    /**
     * A body of examples may meet a state that refuses it (a conflict, a rule of the thing it changes, a reference to
     * nothing), never a field rule: never a 400.
     */
    private void sendValid(Http admin, String name, String method, String path, JsonNode body) {
        try {
            Http.Response r = admin.send(method, path, "application/json", JSON.writeValueAsString(body));
            if (r.status() == 400) {
                broken.add(name + ": its example " + body + " was refused: " + r);
            }
        } catch (Exception e) {
            broken.add(name + ": " + e);
        }
    }

    /** A query parameter out of its published range, or not a number, is a 400 naming it. */
    private void queryRefusals(Http admin, String name, String template, JsonNode op) {
        String concrete = fill(template);
        if (concrete == null) {
            return; // an operation with a body says so above; one without is not this test's
        }
        StringBuilder base = new StringBuilder();
        for (JsonNode p : op.path("parameters")) {
            if ("query".equals(p.path("in").asText()) && p.path("required").asBoolean()) {
                String value = queryFixtures.get(p.path("name").asText());
                if (value == null) {
                    broken.add(name + ": the test has nothing for its required ?" + p.path("name").asText() + "; add a fixture");
                    return;
                }
                base.append(p.path("name").asText()).append('=').append(value).append('&');
            }
        }
        for (JsonNode p : op.path("parameters")) {
            JsonNode s = p.path("schema");
            if (!"query".equals(p.path("in").asText()) || p.path("required").asBoolean()) {
                continue;
            }
            List<String> bad = new ArrayList<>();
            if (s.has("minimum")) {
                bad.add(String.valueOf(s.get("minimum").asLong() - 1));
            }
            if (s.has("maximum")) {
                bad.add(String.valueOf(s.get("maximum").asLong() + 1));
            }
            if ("integer".equals(s.path("type").asText())) {
                bad.add("many");
            }
            for (String value : bad) {
                String param = p.path("name").asText();
                Http.Response r = admin.send(methodOf(name), concrete + "?" + base + param + "=" + value, null, null);
                refusalsChecked++;
                String said = r.status() / 100 == 4 && r.body().startsWith("{") ? r.json().path("field").asText() : "";
                if (r.status() != 400 || !said.equals(param)) {
                    broken.add(name + " with ?" + param + "=" + value + ": expected 400 naming " + param + ", got " + r);
                }
            }
        }
    }

    private static String methodOf(String name) {
        return name.substring(0, name.indexOf(' ')).toUpperCase();
    }

    // ---- what the paths are filled with ----------------------------------------------------------------------

    private void makeFixtures(Http admin) throws Exception {
        String pw = "Contract-pass-1";
        long account = createAccountWithAdmin("operator", unique("ContractOp"), unique("contractop"), pw);
        long user = ok(admin.post(API + "/users", Map.of("accountId", account, "username", unique("contractu"),
            "password", pw, "role", "viewer"))).get("id").asLong();
        String hostname = "pbx-" + UUID.randomUUID().toString().substring(0, 8);
        long draft = ok(admin.post(API + "/machines/drafts", Map.of("hostname", hostname, "plan", "S",
            "customer", customer()))).get("id").asLong();
        JsonNode job = awaitJob(admin, ok(admin.post(API + "/machines", Map.of("draftId", draft))).get("id").asLong());
        long machine = job.get("machineId").asLong();
        long plan = ok(admin.get(API + "/plans")).get(0).get("id").asLong();
        String app = ok(admin.get(API + "/apps")).get(0).get("key").asText();
        long route = ok(admin.post(API + "/did-routes", Map.of("number", "+3491" + (1000000 + (int) (Math.random() * 8999999)),
            "machine", String.valueOf(machine)))).get("id").asLong();
        String setting = "portal.session-idle-minutes"; // a number: the example value fits it
        fixtures.put("/accounts/{id}", "/accounts/" + account);
        queryFixtures.put("accountId", String.valueOf(account));
        queryFixtures.put("period", YearMonth.now(ZoneOffset.UTC).toString());
        fixtures.put("/users/{id}", "/users/" + user);
        fixtures.put("/machines/{id}", "/machines/" + machine);
        fixtures.put("/plans/{id}", "/plans/" + plan);
        fixtures.put("/apps/{key}", "/apps/" + app);
        fixtures.put("/did-routes/{id}", "/did-routes/" + route);
        fixtures.put("/settings/{key}", "/settings/" + setting);
        fixtures.put("/price-lists/{accountId}", "/price-lists/" + account);
        fixtures.put("/statements/{accountId}/{period}", "/statements/" + account + "/" + YearMonth.now(ZoneOffset.UTC));
        long change = ok(admin.post(API + "/plan-changes", Map.of("machineId", machine, "plan", "M", "reason", "contract")))
            .get("id").asLong();
        fixtures.put("/plan-changes/{id}", "/plan-changes/" + change);
    }

    /** The path with its parameters filled, or null. */
    private String fill(String template) {
        String concrete = template;
        for (Map.Entry<String, String> f : fixtures.entrySet()) {
            if (f.getValue() != null && concrete.startsWith(f.getKey())) {
                concrete = f.getValue() + concrete.substring(f.getKey().length());
            }
        }
        return concrete.contains("{") ? null : API + concrete;
    }

    // ---- bodies from the document ------------------------------------------------------------------------------

    private JsonNode resolve(JsonNode schema) {
        if (schema.has("allOf")) {
            // A reference with rules of its own beside it: the referred schema, then those rules.
            ObjectNode merged = resolve(schema.get("allOf").get(0)).deepCopy();
            schema.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("allOf")) {
                    merged.set(f.getKey(), f.getValue());
                }
            });
            return merged;
        }
        String ref = schema.path("$ref").asText();
        return ref.isEmpty() ? schema : doc.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** A body field that the path names too ({key} of /apps/{key}) carries the path's value. */
    private static void samePathValues(String template, String concrete, ObjectNode body) {
        String[] names = template.split("/");
        String[] values = concrete.substring(API.length()).split("/");
        for (int i = 0; i < names.length && i < values.length; i++) {
            if (names[i].startsWith("{")) {
                String name = names[i].substring(1, names[i].length() - 1);
                if (body.has(name)) {
                    body.put(name, values[i]);
                }
            }
        }
    }

    /** An object of the schema's examples (of its allowed values, of its nested objects); a required field without one is a broken contract. */
    private ObjectNode example(String op, String prefix, JsonNode schema) {
        ObjectNode out = NODES.objectNode();
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode s = resolve(p.getValue());
            JsonNode value = s.has("example") ? s.get("example") : s.has("enum") ? s.get("enum").get(0)
                : "object".equals(s.path("type").asText()) && s.has("properties") ? example(op, prefix + p.getKey() + ".", s)
                : "boolean".equals(s.path("type").asText()) && required.contains(p.getKey()) ? NODES.booleanNode(true)
                : s.has("minimum") && required.contains(p.getKey()) ? s.get("minimum") : null;
            if (value != null) {
                out.set(p.getKey(), value);
            } else if (required.contains(p.getKey())) {
                broken.add(op + ": the required field " + prefix + p.getKey() + " has no example");
            }
        }
        return out;
    }

    /** Every way the document says a field can be broken, each on an otherwise valid body. */
    private List<Mutation> mutations(String prefix, JsonNode schema, ObjectNode valid) {
        List<Mutation> out = new ArrayList<>();
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        out.add(new Mutation(prefix + "notAField", "added", with(valid, "notAField", NODES.numberNode(1))));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String key = p.getKey();
            String field = prefix + key;
            JsonNode s = resolve(p.getValue());
            String type = s.path("type").asText();
            if (required.contains(key)) {
                ObjectNode without = valid.deepCopy();
                without.remove(key);
                out.add(new Mutation(field, "left out", without));
            }
            if ("object".equals(type) && s.has("properties") && valid.get(key) instanceof ObjectNode nested) {
                for (Mutation m : mutations(field + ".", s, nested)) {
                    if (!m.field().endsWith(".notAField")) {
                        out.add(new Mutation(m.field(), m.why(), with(valid, key, m.body())));
                    }
                }
                continue;
            }
            if (s.has("maxLength")) {
                String base = valid.path(key).asText("a");
                String longer = base + "a".repeat(Math.max(1, s.get("maxLength").asInt() + 1 - base.length()));
                out.add(new Mutation(field, "too long", with(valid, key, NODES.textNode(longer))));
            }
            if (s.has("pattern")) {
                Pattern pattern = Pattern.compile(s.get("pattern").asText());
                BREAKERS.stream().filter(b -> !pattern.matcher(b).matches()).findFirst()
                    .ifPresent(b -> out.add(new Mutation(field, "breaking its pattern (" + b + ")", with(valid, key, NODES.textNode(b)))));
            }
            if (s.has("enum")) {
                out.add(new Mutation(field, "not an allowed value", with(valid, key, NODES.textNode("not-" + s.get("enum").get(0).asText()))));
            }
            if (s.has("minimum")) {
                out.add(new Mutation(field, "below its minimum", with(valid, key, NODES.numberNode(s.get("minimum").asLong() - 1))));
            }
            if (s.has("maximum")) {
                out.add(new Mutation(field, "above its maximum", with(valid, key, NODES.numberNode(s.get("maximum").asLong() + 1))));
            }
            if ("integer".equals(type) || "number".equals(type)) {
                out.add(new Mutation(field, "not a number", with(valid, key, NODES.textNode("many"))));
            }
        }
        return out;
    }

    private static ObjectNode with(ObjectNode body, String key, JsonNode value) {
        ObjectNode copy = body.deepCopy();
        copy.set(key, value);
        return copy;
    }
}
