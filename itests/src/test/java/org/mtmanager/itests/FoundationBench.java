package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.mtmanager.itests.ProcessTestSupport.API;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/**
 * Foundation benchmark (run with -Pbench; prints, asserts nothing about speed): the distribution's time from
 * bin/start to REST ready, the heap after start, and GET /accounts latency with 25,000 accounts present.
 * Targets: ready in 20 s or less; p95 of a page of 100 at 50 ms or less.
 */
public class FoundationBench {
    static final int ACCOUNTS = Integer.getInteger("mtm.bench.accounts", 25_000);
    static final int SAMPLES = Integer.getInteger("mtm.bench.samples", 1_000);

    @Test
    public void foundation() throws Exception {
        try (Distribution d = Distribution.unpack("bench")) {
            long t0 = System.nanoTime();
            d.start();
            d.awaitRest(Duration.ofMinutes(3));
            double readySeconds = (System.nanoTime() - t0) / 1e9;
            report("start to REST ready", String.format("%.1f s (target <= 20 s)", readySeconds));
            report("heap after start", heap(d.pid()));

            Http admin = d.admin();
            long seedStart = System.nanoTime();
            seed(admin, ACCOUNTS);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            report("seeded accounts", ACCOUNTS + " in " + String.format("%.1f s (%.0f creates/s over REST)",
                seedSeconds, ACCOUNTS / seedSeconds));
            assertEquals(ACCOUNTS + 1, admin.get(API + "/accounts?limit=1").json().get("total").asLong());

            Random random = new Random(42);
            for (int i = 0; i < 100; i++) {
                admin.get(API + "/accounts?limit=100&offset=" + random.nextInt(ACCOUNTS - 100));
            }
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < SAMPLES; i++) {
                String path = API + "/accounts?limit=100&offset=" + random.nextInt(ACCOUNTS - 100);
                long s = System.nanoTime();
                Http.Response r = admin.get(path);
                ms.add((System.nanoTime() - s) / 1e6);
                assertEquals(200, r.status());
            }
            Collections.sort(ms);
            report("GET /accounts?limit=100 (random offset, " + ACCOUNTS + " accounts, " + SAMPLES + " samples)",
                String.format("p50 %.1f ms, p95 %.1f ms, max %.1f ms (target p95 <= 50 ms)",
                    ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.95)), ms.get(ms.size() - 1)));
            report("heap after the load", heap(d.pid()));
        }
    }

    /** Creates resellers with customers under them, as the platform would hold them, through the REST API. */
    private static void seed(Http admin, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            int resellers = Math.max(1, total / 100);
            List<Future<Long>> ids = new ArrayList<>();
            for (int r = 0; r < resellers; r++) {
                int n = r;
                ids.add(pool.submit(() -> admin.post(API + "/accounts", Map.of("type", "reseller",
                    "name", "bench-reseller-" + n)).json().get("id").asLong()));
            }
            List<Future<?>> work = new ArrayList<>();
            int remaining = total - resellers;
            for (int i = 0; i < remaining; i++) {
                long parent = ids.get(i % resellers).get();
                int n = i;
                work.add(pool.submit(() -> {
                    Http.Response r = admin.post(API + "/accounts", Map.of("type", "customer", "parentId", parent,
                        "name", "bench-customer-" + n));
                    if (r.status() != 201) {
                        throw new AssertionError(r.toString());
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private static String heap(long pid) throws Exception {
        Process gc = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.run").redirectErrorStream(true).start();
        gc.getInputStream().readAllBytes();
        gc.waitFor();
        Process p = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out.lines().filter(l -> l.contains("used")).findFirst().map(String::strip).orElse(out.strip());
    }

    private static void report(String what, String value) {
        System.out.println("BENCH | " + what + " | " + value);
    }
}
