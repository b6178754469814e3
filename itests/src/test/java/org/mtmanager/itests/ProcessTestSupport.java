package org.mtmanager.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the process-level itests share, those that start the shipped distribution as a process ({@link Distribution})
 * and call it over HTTP: the API's path, a customer's data, waiting for a condition, and a machine's create from a
 * draft, running a command, and telling a test's firewall table. The Pax Exam itests have theirs in {@link MtmTestSupport}.
 */
final class ProcessTestSupport {
    static final String API = "/mtm/api/v1";
    /** How often a condition is polled, unless a test must catch a state that lasts only a moment. */
    static final Duration POLL = Duration.ofMillis(200);

    private ProcessTestSupport() {
    }

    /** A condition that a test polls, which may throw while a node goes away. */
    interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls {@code condition} every {@link #POLL} until it holds; fails after {@code timeout}, saying what it awaited. */
    static void await(Duration timeout, Supplier<String> what, Condition condition) throws Exception {
        await(timeout, POLL, what, condition);
    }

    /**
     * Polls {@code condition} every {@code poll} until it holds; fails after {@code timeout}, saying what it awaited.
     * An AssertionError of the condition (Http's, when a server answers nothing for a moment) counts as not yet; the
     * last one is attached to the failure.
     */
    static void await(Duration timeout, Duration poll, Supplier<String> what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        AssertionError lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (AssertionError connectionOrStatus) {
                lastError = connectionOrStatus;
            }
            TimeUnit.NANOSECONDS.sleep(poll.toNanos());
        }
        AssertionError e = new AssertionError("not within " + timeout + ": " + what.get());
        if (lastError != null) {
            e.addSuppressed(lastError);
        }
        throw e;
    }

    /** Polls job {@code jobId} every {@code poll} until {@code done} holds for it, within {@code timeout}; returns it. */
    static JsonNode awaitJob(Http http, long jobId, Duration timeout, Duration poll, Predicate<JsonNode> done) throws Exception {
        JsonNode[] last = {null};
        await(timeout, poll, () -> "job " + jobId + ": " + last[0], () -> {
            last[0] = ok(http.get(API + "/jobs/" + jobId));
            return done.test(last[0]);
        });
        return last[0];
    }

    /** Whether a job has ended, either way. */
    static boolean ended(JsonNode job) {
        return job.get("state").asText().matches("SUCCEEDED|FAILED");
    }

    /** Waits until machine {@code machineId} is RUNNING. */
    static void awaitRunning(Http http, long machineId, Duration timeout) throws Exception {
        String[] state = {null};
        await(timeout, () -> "machine " + machineId + " RUNNING, but it is " + state[0], () -> {
            state[0] = ok(http.get(API + "/machines/" + machineId)).get("state").asText();
            return "RUNNING".equals(state[0]);
        });
    }

    /** A customer's data for a machine's draft, of the company named. */
    static Map<String, Object> customer(String company) {
        return Map.of("company", company, "contact", "Ana Garcia", "email", "ana@example.com",
            "phone", "+34 910 000 000", "address", "Calle Mayor 1, Madrid", "taxId", "B12345678");
    }

    /** Saves a machine's draft: {@code hostname} on {@code plan} for {@code company}; returns the draft's id. */
    static long draft(Http http, String hostname, String plan, String company) {
        return draft(http, hostname, plan, company, Map.of());
    }

    /** Saves a machine's draft, with further fields of the request (accountId, extensions, ...); returns its id. */
    static long draft(Http http, String hostname, String plan, String company, Map<String, Object> more) {
        Map<String, Object> request = new HashMap<>(more);
        request.putAll(Map.of("hostname", hostname, "plan", plan, "customer", customer(company)));
        Http.Response draft = http.post(API + "/machines/drafts", request);
        if (draft.status() != 201) {
            throw new AssertionError("draft: " + draft);
        }
        return draft.json().get("id").asLong();
    }

    /** Creates the machine of a draft; returns its create job (whose machineId is the machine's). */
    static JsonNode create(Http http, long draftId) {
        Http.Response job = http.post(API + "/machines", Map.of("draftId", draftId));
        if (job.status() / 100 != 2) {
            throw new AssertionError("create: " + job);
        }
        return job.json();
    }

    /** A draft, then its machine's create; returns the create job. */
    static JsonNode create(Http http, String hostname, String plan, String company) {
        return create(http, draft(http, hostname, plan, company));
    }

    /** The JSON of a successful answer (null for 204); fails on any other. */
    static JsonNode ok(Http.Response r) {
        if (r.status() / 100 != 2) {
            throw new AssertionError("expected success, got " + r);
        }
        return r.status() == 204 ? null : r.json();
    }

    /** Runs a command (30 s at most) and returns its output; an IOException with the output when it fails. */
    static String sh(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    /**
     * Whether this server's firewall table inet mtm is a test's: the test's internal network marks it (as {@code .ci/run}'s
     * sweep of an interrupted run's table checks too), so that no real MT Manager's is touched.
     */
    static boolean firewallTableOf(String network) throws IOException, InterruptedException {
        return sh("nft", "list", "tables").contains("inet mtm")
            && sh("nft", "list", "table", "inet", "mtm").contains("ip daddr " + network + " jump machines");
    }

    /**
     * This server's firewall table for a test whose internal network is {@code network}: an interrupted run's is
     * deleted, and another MT Manager's fails the test, untouched.
     */
    static void claimFirewallTable(String network) throws IOException, InterruptedException {
        if (firewallTableOf(network)) {
            sh("nft", "delete", "table", "inet", "mtm");
        }
        if (sh("nft", "list", "tables").contains("inet mtm")) {
            throw new AssertionError("this server's own firewall table inet mtm is in use (another MT Manager running here?): stop it");
        }
    }

    /** Deletes this server's firewall table if it is the test's (its internal network is {@code network}). */
    static void releaseFirewallTable(String network) throws IOException, InterruptedException {
        if (firewallTableOf(network)) {
            sh("nft", "delete", "table", "inet", "mtm");
        }
    }
}
