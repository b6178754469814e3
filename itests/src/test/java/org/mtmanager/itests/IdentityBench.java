package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.mtmanager.itests.ProcessTestSupport.API;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.Test;

/**
 * Identity benchmark (run with -Pbench; prints, asserts nothing about speed) on the distribution as shipped:
 * <ul>
 * <li>the time token validation adds to a request: {@code GET /health} with a Bearer token against the same
 *     request without credentials (target: median 1 ms or less), and the same for a session cookie and for HTTP
 *     Basic with a remembered password;</li>
 * <li>the cost of a password check: a first login (the PBKDF2 hash is verified) against a login whose password the
 *     server remembers (target: 50 to 250 ms).</li>
 * </ul>
 * Requests of the kinds are interleaved, so that a busy machine slows them alike.
 */
public class IdentityBench {
    static final int SAMPLES = Integer.getInteger("mtm.bench.samples", 2_000);
    static final int LOGINS = Integer.getInteger("mtm.bench.logins", 20);

    @Test
    public void identity() throws Exception {
        try (Distribution d = Distribution.unpack("identity-bench")) {
            d.start();
            d.awaitRest(Duration.ofMinutes(3));
            Http admin = d.admin();
            String token = admin.post(API + "/users/me/tokens", Map.of("name", "bench", "scope", "read"))
                .json().get("secret").asText();
            Http anonymous = new Http(d.httpPort(), null, null, "127.0.0.1");
            Http bearer = anonymous.withHeader("Authorization", "Bearer " + token);
            Http.Response login = anonymous.post(API + "/sessions", Map.of("username", "admin",
                "password", d.adminPassword()));
            String cookie = login.headers().get("set-cookie");
            Http session = anonymous.withHeader("Cookie", cookie.substring(0, cookie.indexOf(';')));

            List<Double> none = new ArrayList<>();
            List<Double> tokens = new ArrayList<>();
            List<Double> sessions = new ArrayList<>();
            List<Double> basic = new ArrayList<>();
            for (int i = 0; i < SAMPLES + 200; i++) {
                boolean warm = i < 200;
                time(warm ? null : none, () -> anonymous.get(API + "/health"));
                time(warm ? null : tokens, () -> bearer.get(API + "/health"));
                time(warm ? null : sessions, () -> session.get(API + "/health"));
                time(warm ? null : basic, () -> admin.get(API + "/health"));
            }
            double base = median(none);
            report("GET /health without credentials", String.format("median %.2f ms (%d samples)", base, SAMPLES));
            report("token validation (Bearer)", added(tokens, base));
            report("session validation (cookie)", added(sessions, base));
            report("HTTP Basic, password remembered", added(basic, base));

            List<Double> first = new ArrayList<>();
            List<Double> remembered = new ArrayList<>();
            for (int i = 0; i < LOGINS; i++) {
                String user = "bench-user-" + i;
                String pw = "Bench-password-" + i;
                assertEquals(201, admin.post(API + "/users", Map.of("accountId", 1, "username", user,
                    "password", pw, "role", "viewer")).status());
                Map<String, String> body = Map.of("username", user, "password", pw);
                time(first, () -> anonymous.post(API + "/sessions", body));
                time(remembered, () -> anonymous.post(API + "/sessions", body));
            }
            double hash = median(first) - median(remembered);
            report("login with a password check (PBKDF2)", String.format("median %.1f ms (%d users)", median(first),
                LOGINS));
            report("login with the password remembered", String.format("median %.1f ms", median(remembered)));
            report("password check cost", String.format("%.1f ms (target 50-250 ms)", hash));
        }
    }

    private static void time(List<Double> into, Supplier<Http.Response> request) {
        long s = System.nanoTime();
        Http.Response r = request.get();
        double ms = (System.nanoTime() - s) / 1e6;
        if (r.status() / 100 != 2) {
            throw new AssertionError("expected success, got " + r);
        }
        if (into != null) {
            into.add(ms);
        }
    }

    private static String added(List<Double> samples, double base) {
        return String.format("median %.2f ms, so %.2f ms added (target <= 1 ms); p95 %.2f ms", median(samples),
            median(samples) - base, percentile(samples, 0.95));
    }

    private static double median(List<Double> samples) {
        return percentile(samples, 0.5);
    }

    private static double percentile(List<Double> samples, double p) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return sorted.get((int) (sorted.size() * p));
    }

    private static void report(String what, String value) {
        System.out.println("BENCH | " + what + " | " + value);
    }
}
