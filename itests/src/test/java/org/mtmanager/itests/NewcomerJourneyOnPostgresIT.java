package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.itests.ProcessTestSupport.API;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Rule;

/**
 * The newcomer's journey once more, on PostgreSQL instead of the embedded Derby: the one datasource configuration
 * the README gives, on a database of the test's own. Then the server's connection pool, as PostgreSQL sees it: no
 * more backends than the pool's maximum however many requests come at once, the same ones reused, none left holding
 * the schema migration's lock, and a fresh one for each that PostgreSQL ended.
 */
public class NewcomerJourneyOnPostgresIT extends NewcomerJourneyIT {
    /** Clients at once: more than the pool's connections. */
    private static final int CLIENTS = 24;
    private static final int REQUESTS_EACH = 10;

    @Rule
    public final PostgresDatabase database = new PostgresDatabase();

    @Override
    protected void database(Distribution d) throws Exception {
        database.use(d);
    }

    @Override
    protected void databaseAfterwards(Distribution d, Http reseller, String path) throws Exception {
        int max = Integer.parseInt(Distribution.value(d.home().resolve(Distribution.DATASOURCE_CFG), "pool.maxTotal"));
        try (PostgresDatabase.Sessions sessions = database.sessions()) {
            assertEquals("the schema migration's advisory lock left with it, not with the pooled connection it used",
                0, sessions.advisoryLocks());

            Set<Integer> seen = ConcurrentHashMap.newKeySet();
            AtomicInteger peak = new AtomicInteger();
            List<Integer> answers = Collections.synchronizedList(new ArrayList<>());
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
            try {
                AtomicBoolean done = new AtomicBoolean();
                Future<?> watcher = clients.submit(() -> {
                    while (!done.get()) {
                        Set<Integer> now = sessions.backends();
                        seen.addAll(now);
                        peak.accumulateAndGet(now.size(), Math::max);
                        TimeUnit.MILLISECONDS.sleep(10);
                    }
                    return null;
                });
                List<Future<?>> load = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    load.add(clients.submit(() -> {
                        for (int i = 0; i < REQUESTS_EACH; i++) {
                            answers.add(reseller.get(path).status());
                        }
                        return null;
                    }));
                }
                for (Future<?> f : load) {
                    f.get(3, TimeUnit.MINUTES);
                }
                done.set(true);
                watcher.get(1, TimeUnit.MINUTES);
            } finally {
                clients.shutdownNow();
            }
            assertEquals("every request answered: " + answers, Collections.nCopies(CLIENTS * REQUESTS_EACH, 200), answers);
            assertTrue("at most the pool's " + max + " connections at once, saw " + peak, peak.get() <= max);
            assertTrue("the same connections served every request: " + seen.size() + " backends in all", seen.size() <= max);

            // PostgreSQL ends the server's sessions (an operator's pg_terminate_backend, or a restart of the database):
            // the pool finds each one dead when it would lend it, and opens a new one.
            Set<Integer> ended = sessions.terminate();
            assertFalse("the server was connected", ended.isEmpty());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Collections.disjoint(sessions.backends(), ended)) {
                assertTrue("the ended backends exited", System.nanoTime() < deadline);
                TimeUnit.MILLISECONDS.sleep(50);
            }
            for (int i = 0; i < 20; i++) {
                Http.Response r = reseller.get(path);
                assertEquals("request " + i + " after the backends were ended: " + r, 200, r.status());
            }
            Http.Response written = reseller.post(API + "/accounts", Map.of("type", "customer", "name", "After the restart"));
            assertEquals(written.toString(), 201, written.status());
            Set<Integer> now = sessions.backends();
            assertFalse("the server connected again", now.isEmpty());
            assertTrue("with new connections only, at most " + max + ": " + now + " (ended " + ended + ")",
                Collections.disjoint(now, ended) && now.size() <= max);
        }
    }
}
