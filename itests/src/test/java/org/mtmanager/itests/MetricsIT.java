package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /metrics} as a scraper reads it: Prometheus' own {@code promtool} accepts it, it is for a platform
 * administrator or the server's own host only, and its numbers move with what the platform is asked to do.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class MetricsIT extends MtmTestSupport {
    private static final Pattern SAMPLE = Pattern.compile(
        "^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*})? (\\S+)$");

    private Http anonymous() {
        return new Http(httpPort(), null, null, "127.0.0.1");
    }

    private String scrape(Http http) {
        Http.Response r = http.get(API + "/metrics");
        assertEquals(r.toString(), 200, r.status());
        // The server orders the parameters its own way: text/plain;charset=utf-8;version=0.0.4.
        String type = r.headers().getOrDefault("content-type", "").replace(" ", "");
        assertTrue(type, type.startsWith("text/plain;") && type.contains(";version=0.0.4") && type.contains("charset=utf-8"));
        return r.body();
    }

    /** Each series (its name and labels, as written) and its value. */
    private static Map<String, Double> samples(String text) {
        Map<String, Double> out = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches()) {
                out.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
            }
        }
        return out;
    }

    /** The sum of a metric's series that carry every one of {@code labels} ({@code name="value"} each). */
    private static double sum(Map<String, Double> samples, String name, String... labels) {
        double total = 0;
        for (Map.Entry<String, Double> e : samples.entrySet()) {
            String series = e.getKey();
            if (!series.equals(name) && !series.startsWith(name + "{")) {
                continue;
            }
            boolean all = true;
            for (String l : labels) {
                all &= series.contains(l);
            }
            if (all) {
                total += e.getValue();
            }
        }
        return total;
    }

    @Test
    public void aScraperOnTheServersHostReadsWhatPromtoolAccepts() throws Exception {
        String text = scrape(anonymous());
        for (String metric : new String[] {"mtm_machines gauge", "mtm_jobs gauge", "mtm_job_duration_seconds histogram",
                "mtm_api_requests_total counter", "mtm_api_request_duration_seconds histogram",
                "mtm_firewall_sync_duration_seconds histogram", "mtm_grants_pending gauge",
                "mtm_auth_failures_total counter", "mtm_rate_limited_total counter", "mtm_usage_ledger_lag_seconds gauge"}) {
            assertTrue(metric + " in:\n" + text, text.contains("# TYPE " + metric + "\n"));
        }

        Process p = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String said = read(p.getInputStream());
        assertTrue("promtool ran", p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("promtool check metrics: " + said + "\n" + text, 0, p.exitValue());
    }

    @Test
    public void withCredentialsOnlyAPlatformAdministratorReadsThem() throws Exception {
        String pw = "Metrics-pass-1";
        String reseller = unique("metricsr");
        createAccountWithAdmin("reseller", unique("MetricsReseller"), reseller, pw);
        Http.Response refused = http(reseller, pw).get(API + "/metrics");
        assertEquals(refused.toString(), 403, refused.status());
        assertTrue(refused.body(), refused.body().contains("platform administrator"));

        String secret = ok(admin().post(API + "/users/me/tokens", Map.of("name", unique("prometheus"), "scope", "read")))
            .get("secret").asText();
        Http token = anonymous().withHeader("Authorization", "Bearer " + secret);
        assertTrue(scrape(token).contains("# TYPE mtm_machines gauge"));
        Http.Response wrong = anonymous().withHeader("Authorization", "Bearer mtm_1_wrong").get(API + "/metrics");
        assertEquals(wrong.toString(), 401, wrong.status());

        ShellResult console = shellAs("admin", adminPassword(), "mtm:metrics");
        assertTrue(console.toString(), !console.failed() && console.output().contains("# TYPE mtm_machines gauge"));
        ShellResult theirs = shellAs(reseller, pw, "mtm:metrics");
        assertTrue(theirs.toString(), theirs.failed() && theirs.errorMessage().contains("only a platform administrator"));
    }

    @Test
    public void theNumbersMoveWithWhatIsDone() throws Exception {
        Map<String, Double> before = samples(scrape(anonymous()));

        Http.Response failed = http(unique("nobody"), "not-a-password").get(API + "/users/me");
        assertEquals(failed.toString(), 401, failed.status());

        String pw = "Metrics-pass-2";
        String user = unique("metricsm");
        long account = createAccountWithAdmin("reseller", unique("MetricsMachines"), user, pw);
        Http me = http(user, pw);
        assertTrue(!soap(user, pw).call("getAccount", "<v1:id>" + account + "</v1:id>").isFault());
        assertTrue(soap(user, "Wrong-pass-1").call("getAccount", "<v1:id>" + account + "</v1:id>").isFault());
        String hostname = "pbx-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode draft = ok(me.post(API + "/machines/drafts", Map.of("hostname", hostname, "plan", "S",
            "customer", customer())));
        Http.Response created = me.post(API + "/machines", Map.of("draftId", draft.get("id").asLong()));
        assertEquals(created.toString(), 202, created.status());
        JsonNode job = awaitJob(me, created.json().get("id").asLong());
        String host = ok(me.get(API + "/machines/" + job.get("machineId").asLong())).get("host").asText();

        Map<String, Double> after = samples(scrape(anonymous()));
        assertEquals(1, sum(after, "mtm_auth_failures_total", "channel=\"rest\"")
            - sum(before, "mtm_auth_failures_total", "channel=\"rest\""), 0);
        assertEquals(1, sum(after, "mtm_api_requests_total", "method=\"POST\"", "route=\"/machines\"", "status=\"202\"")
            - sum(before, "mtm_api_requests_total", "method=\"POST\"", "route=\"/machines\"", "status=\"202\""), 0);
        assertTrue("the refused request is counted under its route", sum(after, "mtm_api_requests_total",
            "route=\"/users/me\"", "status=\"401\"") >= 1);
        assertTrue(sum(after, "mtm_api_request_duration_seconds_count", "method=\"GET\"", "route=\"/jobs/{id}\"")
            > sum(before, "mtm_api_request_duration_seconds_count", "method=\"GET\"", "route=\"/jobs/{id}\""));
        String port = "port=\"/soap/AccountService\"";
        assertEquals(1, sum(after, "mtm_soap_requests_total", port, "operation=\"getAccount\"", "outcome=\"ok\"")
            - sum(before, "mtm_soap_requests_total", port, "operation=\"getAccount\"", "outcome=\"ok\""), 0);
        assertTrue(soapSeries(after), sum(after, "mtm_soap_requests_total", port, "outcome=\"client_fault\"")
            > sum(before, "mtm_soap_requests_total", port, "outcome=\"client_fault\""));
        assertEquals("the wrong password on SOAP", 1, sum(after, "mtm_auth_failures_total", "channel=\"soap\"")
            - sum(before, "mtm_auth_failures_total", "channel=\"soap\""), 0);
        String running = "state=\"RUNNING\"";
        String onHost = "host=\"" + host + "\"";
        assertTrue(after.toString(), sum(after, "mtm_machines", running, onHost) >= sum(before, "mtm_machines", running, onHost) + 1);
        String create = "type=\"CREATE\"";
        String succeeded = "state=\"SUCCEEDED\"";
        assertTrue(sum(after, "mtm_jobs", create, succeeded) >= sum(before, "mtm_jobs", create, succeeded) + 1);
        assertTrue(sum(after, "mtm_job_duration_seconds_count", create, succeeded)
            >= sum(before, "mtm_job_duration_seconds_count", create, succeeded) + 1);
        assertTrue(sum(after, "mtm_job_duration_seconds_sum", create, succeeded)
            > sum(before, "mtm_job_duration_seconds_sum", create, succeeded));
    }

    private static String soapSeries(Map<String, Double> samples) {
        return samples.entrySet().stream().filter(e -> e.getKey().startsWith("mtm_soap_requests_total")).map(String::valueOf)
            .sorted().reduce("", (a, b) -> a + b + "\n");
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
