package org.mtmanager.billing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.tenant.TenantFixture.expect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.billing.LedgerRun;
import org.mtmanager.platform.cluster.DutyLeases;
import org.mtmanager.platform.cluster.LocalNode;
import org.mtmanager.store.JpaStore;
import org.mtmanager.store.entity.UsageEntity;
import org.mtmanager.tenant.TenantFixture;

/** Exactly one record per machine per day, whatever the retries, restarts, downtime and clock changes. */
public class UsageLedgerTest {
    @Rule
    public final TenantFixture f = new TenantFixture();
    private BillingWorld w;
    private long account;

    @Before
    public void setUp() {
        w = new BillingWorld(f);
        account = f.account(f.admin, null, "operator", "Ledger Operator").id();
    }

    private long records() {
        return f.count("UsageEntity");
    }

    @Test
    public void emptyPlatformRecordsNothingAndTodayIsNeverRecorded() {
        w.at("2031-05-05T10:00:00Z");
        assertEquals(new LedgerRun(0, 0, null), w.ledger.catchUp());
        w.machine(account, "new", "2031-05-05T09:00:00Z", 1, 0);
        assertEquals(new LedgerRun(0, 0, null), w.ledger.catchUp());
        w.at("2031-05-06T00:00:01Z");
        assertEquals(new LedgerRun(1, 1, "2031-05-05"), w.ledger.catchUp());
    }

    /** The lag a scraper sees: since the end of the oldest complete day not recorded, 0 once yesterday is. */
    @Test
    public void theLagRunsFromTheEndOfTheOldestDayNotRecorded() {
        w.at("2031-05-05T10:00:00Z");
        assertEquals("nothing to record", Duration.ZERO, w.ledger.lag());
        w.machine(account, "a", "2031-05-05T09:00:00Z", 1, 0);
        assertEquals("today is not complete", Duration.ZERO, w.ledger.lag());
        w.at("2031-05-07T03:00:00Z");
        assertEquals("the 5th ended 27 hours ago", Duration.ofHours(27), w.ledger.lag());
        w.ledger.catchUp();
        assertEquals(Duration.ZERO, w.ledger.lag());
        w.at("2031-05-08T00:30:00Z");
        assertEquals(Duration.ofMinutes(30), w.ledger.lag());
    }

    @Test
    public void retriesRestartsAndDowntimeNeverDuplicate() {
        w.machine(account, "a", "2031-05-01T00:00:00Z", 5, 1);
        w.machine(account, "b", "2031-05-03T06:00:00Z", 5, 1);
        w.at("2031-05-04T01:00:00Z");
        assertEquals(new LedgerRun(3, 4, "2031-05-03"), w.ledger.catchUp());
        assertEquals(new LedgerRun(0, 0, "2031-05-03"), w.ledger.catchUp());
        // A restart is a new ledger over the same store.
        UsageLedger restarted = new UsageLedger(f.store, f.clock);
        assertEquals(0, restarted.catchUp().records());
        // Ten days of downtime are caught up at the next run, each day once.
        w.at("2031-05-14T08:00:00Z");
        assertEquals(new LedgerRun(10, 20, "2031-05-13"), restarted.catchUp());
        assertEquals(24, records());
    }

    @Test
    public void aClockSetBackOrForwardAndBackRecordsNothingTwice() {
        w.machine(account, "a", "2031-05-01T00:00:00Z", 5, 1);
        w.at("2031-05-10T00:30:00Z");
        w.ledger.catchUp();
        w.at("2031-05-02T00:30:00Z");
        assertEquals(new LedgerRun(0, 0, "2031-05-09"), w.ledger.catchUp());
        w.at("2031-05-10T00:30:00Z");
        assertEquals(0, w.ledger.catchUp().records());
        assertEquals(9, records());
    }

    @Test
    public void concurrentRunsRecordEachDayOnce() throws Exception {
        for (int i = 0; i < 20; i++) {
            w.machine(account, "m" + i, "2031-04-20T00:00:00Z", 1, 0);
        }
        w.at("2031-05-01T00:30:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<LedgerRun>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UsageLedger server = new UsageLedger(f.store, f.clock);
            runs.add(server::catchUp);
        }
        int total = 0;
        for (Future<LedgerRun> r : pool.invokeAll(runs)) {
            total += r.get().records();
        }
        pool.shutdown();
        assertEquals(11 * 20, total);
        assertEquals(11 * 20, records());
    }

    @Test
    public void theDatabaseRefusesASecondRecordOfAMachineDay() {
        long m = w.machine(account, "a", "2031-05-01T00:00:00Z", 5, 1);
        w.at("2031-05-02T00:30:00Z");
        w.ledger.catchUp();
        expect(ErrorCode.CONFLICT, null, () -> f.store.writing(em -> {
            UsageEntity u = new UsageEntity();
            u.setMachineId(m);
            u.setDay(20310501);
            em.persist(u);
        }));
        assertEquals(1, records());
    }

    @Test
    public void machinesDeletedDuringTheDayCountProRataAndNotAfter() {
        long m = w.machine(account, "a", "2031-05-01T00:00:00Z", 5, 1);
        w.at("2031-05-03T00:30:00Z");
        w.ledger.catchUp();
        w.delete(m, "2031-05-03T18:00:00Z");
        w.at("2031-05-06T00:30:00Z");
        w.ledger.catchUp();
        UsageEntity last = f.store.read(em -> em.createQuery("SELECT u FROM UsageEntity u WHERE u.day = 20310503",
            UsageEntity.class).getSingleResult());
        assertEquals(18 * 3600, last.getLiveSeconds());
        assertEquals(3, records());
    }

    @Test
    public void liveSecondsClipToTheDay() {
        Instant start = Instant.parse("2031-05-03T00:00:00Z");
        Instant end = Instant.parse("2031-05-04T00:00:00Z");
        assertEquals(86_400, UsageLedger.liveSeconds(Instant.parse("2031-01-01T00:00:00Z"), null, start, end));
        assertEquals(0, UsageLedger.liveSeconds(end, null, start, end));
        assertEquals(0, UsageLedger.liveSeconds(Instant.parse("2031-01-01T00:00:00Z"), start, start, end));
        assertEquals(1, UsageLedger.liveSeconds(Instant.parse("2031-05-03T23:59:59Z"), null, start, end));
        assertNull(w.ledger.recordedThrough());
    }

    @Test
    public void theScheduledRunRunsOnlyOnTheNodeHoldingTheDuty() {
        w.machine(account, "a", "2031-05-01T00:00:00Z", 5, 1);
        w.at("2031-05-03T01:00:00Z");
        DutyLeases n1 = new DutyLeases(f.store, LocalNode.named("n1"), f.clock);
        JpaStore other = f.otherNode();
        DutyLeases n2 = new DutyLeases(other, LocalNode.named("n2"), f.clock);
        UsageLedger first = new UsageLedger(f.store, f.clock, n1, Duration.ofMinutes(60));
        UsageLedger second = new UsageLedger(other, f.clock, n2, Duration.ofMinutes(60));
        assertTrue(first.tick());
        assertFalse(second.tick());
        assertEquals("the holder's run recorded both days", 2, records());

        first.stop();
        w.at("2031-05-04T02:00:00Z");
        assertTrue("the other node took the duty over and ran it", second.tick());
        assertEquals(3, records());
        assertEquals("n2", n2.holders().get(DutyLeases.USAGE_LEDGER));
    }
}
