package org.mtmanager.platform.cluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.store.entity.DutyEntity;

/**
 * Two nodes on one database, on one test clock: one holder per duty, handed over at a clean stop at the other's
 * next tick and after the lease when the holder falls silent; scheduled work runs only on the holder, at its own
 * interval across a handover.
 */
public class DutyLeasesTest {
    private static final Duration LEASE = Duration.ofSeconds(10);

    @Rule
    public final Nodes f = new Nodes();

    private DutyLeases n1;
    private DutyLeases n2;

    @Before
    public void twoNodes() {
        n1 = new DutyLeases(f.store, new LocalNode("n1", LEASE, null), f.clock);
        n2 = new DutyLeases(f.otherNode(), new LocalNode("n2", LEASE, null), f.clock);
        for (String duty : DutyLeases.ALL) {
            n1.perform(duty);
            n2.perform(duty);
        }
    }

    @Test
    public void exactlyOneNodeHoldsEachDutyWhenBothReachForItAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Map<String, Boolean>>> answers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            DutyLeases node = t % 2 == 0 ? n1 : n2;
            answers.add(pool.submit(() -> {
                start.await();
                Map<String, Boolean> held = new HashMap<>();
                for (String duty : DutyLeases.ALL) {
                    held.put(duty, node.hold(duty));
                }
                return held;
            }));
        }
        start.countDown();
        for (Future<Map<String, Boolean>> a : answers) {
            a.get();
        }
        pool.shutdown();
        Map<String, String> holders = n1.holders();
        assertEquals(DutyLeases.ALL.size(), holders.size());
        assertEquals(holders, n2.holders());
        for (String duty : DutyLeases.ALL) {
            boolean one = n1.hold(duty);
            boolean two = n2.hold(duty);
            assertTrue(duty + " is held by exactly one node", one ^ two);
            assertEquals(one ? "n1" : "n2", holders.get(duty));
        }
    }

    @Test
    public void aCleanStopHandsTheDutiesOverAtTheOtherNodesNextTick() {
        n1.heartbeat();
        n2.heartbeat();
        assertEquals(Map.of("firewall-sync", "n1", "grant-expiry", "n1", "reconcile", "n1", "usage-ledger", "n1"), n1.holders());
        long fence = fence(DutyLeases.RECONCILE);

        n1.stop();
        assertTrue("released at once", n2.holders().isEmpty());
        n2.heartbeat();
        assertEquals(Map.of("firewall-sync", "n2", "grant-expiry", "n2", "reconcile", "n2", "usage-ledger", "n2"), n2.holders());
        assertEquals("a new holder raises the fence", fence + 1, fence(DutyLeases.RECONCILE));
    }

    @Test
    public void aSilentHolderLosesItsDutiesWhenItsLeaseEnds() {
        assertTrue(n1.hold(DutyLeases.USAGE_LEDGER));
        f.clock.advance(LEASE.minusSeconds(1));
        assertFalse("the lease still runs", n2.hold(DutyLeases.USAGE_LEDGER));
        f.clock.advance(Duration.ofSeconds(1));
        assertTrue("the lease ended", n2.hold(DutyLeases.USAGE_LEDGER));
        assertEquals("n2", n2.holders().get(DutyLeases.USAGE_LEDGER));
        assertFalse("the old holder cannot renew what another node took", n1.hold(DutyLeases.USAGE_LEDGER));
    }

    @Test
    public void aHolderThatRenewsKeepsItsDuty() {
        assertTrue(n1.hold(DutyLeases.GRANT_EXPIRY));
        for (int beat = 0; beat < 10; beat++) {
            f.clock.advance(n1.tick());
            n1.heartbeat();
            assertFalse(n2.hold(DutyLeases.GRANT_EXPIRY));
        }
        assertEquals("n1", n2.holders().get(DutyLeases.GRANT_EXPIRY));
    }

    @Test
    public void scheduledWorkRunsOnlyOnTheHolderAtItsOwnInterval() {
        AtomicInteger onN1 = new AtomicInteger();
        AtomicInteger onN2 = new AtomicInteger();
        DutySchedule s1 = new DutySchedule(n1, DutyLeases.RECONCILE, null, onN1::incrementAndGet);
        DutySchedule s2 = new DutySchedule(n2, DutyLeases.RECONCILE, null, onN2::incrementAndGet);
        Duration interval = Duration.ofMinutes(1);
        s1.every(interval, Duration.ZERO);
        s2.every(interval, Duration.ZERO);

        assertTrue(s1.tick());
        assertFalse(s2.tick());
        assertFalse("not again before its interval", s1.tick());
        live(interval, n1, n2);
        assertFalse(s2.tick());
        assertTrue(s1.tick());
        assertEquals(2, onN1.get());
        assertEquals(0, onN2.get());

        // n1 stops cleanly: n2 takes the duty at its next tick, and runs it when the interval since n1's run is over.
        s1.stop();
        n1.stop();
        live(Duration.ofSeconds(24), n2);
        assertFalse("the interval runs on across a handover", s2.tick());
        assertEquals("n2", n2.holders().get(DutyLeases.RECONCILE));
        live(Duration.ofSeconds(36), n2);
        assertTrue(s2.tick());
        assertEquals(1, onN2.get());
        assertEquals(2, onN1.get());
    }

    @Test
    public void aScheduleTurnedOffGivesTheDutyUp() {
        DutySchedule s1 = new DutySchedule(n1, DutyLeases.USAGE_LEDGER, null, () -> { });
        s1.every(Duration.ofMinutes(60), Duration.ZERO);
        assertTrue(s1.tick());
        s1.every(Duration.ZERO, Duration.ZERO);
        assertFalse(s1.tick());
        assertTrue(n2.hold(DutyLeases.USAGE_LEDGER));
    }

    /** Lets time pass while the given nodes beat, as their timers would. */
    private void live(Duration d, DutyLeases... beating) {
        for (Duration passed = Duration.ZERO; passed.compareTo(d) < 0; passed = passed.plus(n1.tick())) {
            f.clock.advance(n1.tick());
            for (DutyLeases node : beating) {
                node.heartbeat();
            }
        }
    }

    private long fence(String duty) {
        return f.store.read(em -> em.find(DutyEntity.class, duty).getFence());
    }
}
