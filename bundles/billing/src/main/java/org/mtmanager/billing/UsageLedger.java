package org.mtmanager.billing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.persistence.EntityManager;

import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.app.LicenceType;
import org.mtmanager.api.billing.LedgerRun;
import org.mtmanager.platform.cluster.DutyLeases;
import org.mtmanager.platform.cluster.DutySchedule;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.UsageDayEntity;
import org.mtmanager.store.entity.UsageEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The usage ledger: one record per machine per complete day (UTC), for every machine that existed during the day,
 * deleted ones included, with the seconds of the day it existed (pro rata on the days it was created or deleted).
 *
 * <p>A run records every day after the last complete one up to yesterday, each day in one transaction that also
 * marks the day complete, so a crash, a restart or downtime only delays days, and a second run (or a second
 * server) finds them done. The unique (machine, day) constraint is the last guard. Only "yesterday" depends on
 * the clock: a clock set back records nothing twice, and today is never recorded before it ends.
 *
 * <p>A machine's licences are read when its day is recorded (minutes after midnight when the server runs): days
 * caught up after downtime get the licences of the catch-up time. A deleted machine's record keeps its last
 * licences; since DELETED is final, its {@code updatedAt} is the moment it was deleted.
 *
 * <p>Runs a little after start and then every {@code intervalMinutes} ({@code etc/org.mtmanager.billing.cfg},
 * default 60; 0 = only on demand, through {@code BillingService.recordUsage}), on the one node that holds the
 * {@code usage-ledger} duty ({@link DutyLeases}); an on-demand run runs where it is asked.
 */
@Component(service = UsageLedger.class, immediate = true, configurationPid = "org.mtmanager.billing")
public class UsageLedger {
    private static final Logger LOG = LoggerFactory.getLogger(UsageLedger.class);
    static final int SECONDS_PER_DAY = 86_400;

    private final Store store;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final DutySchedule schedule;

    @Activate
    public UsageLedger(@Reference Store store, @Reference DutyLeases duties, Map<String, Object> config) {
        this.store = store;
        this.clock = Clock.systemUTC();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mtm-usage-ledger");
            t.setDaemon(true);
            return t;
        });
        this.schedule = new DutySchedule(duties, DutyLeases.USAGE_LEDGER, timer, this::scheduled);
        schedule(config);
    }

    /** A new interval takes effect at once, without restarting the ledger (and the billing service above it). */
    @Modified
    void schedule(Map<String, Object> config) {
        long interval = Long.parseLong(String.valueOf(config.getOrDefault("intervalMinutes", "60")));
        long firstDelay = Long.parseLong(String.valueOf(config.getOrDefault("firstDelaySeconds", "20")));
        schedule.every(Duration.ofMinutes(interval), Duration.ofSeconds(firstDelay));
    }

    /** A ledger on the given clock that runs only when asked (tests). */
    public UsageLedger(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.timer = null;
        this.schedule = null;
    }

    /** A ledger on the given clock whose schedule ticks only when a test calls {@link #tick()}. */
    UsageLedger(Store store, Clock clock, DutyLeases duties, Duration interval) {
        this.store = store;
        this.clock = clock;
        this.timer = null;
        this.schedule = new DutySchedule(duties, DutyLeases.USAGE_LEDGER, null, this::scheduled);
        schedule.every(interval, Duration.ZERO);
    }

    @Deactivate
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (schedule != null) {
            schedule.stop();
        }
    }

    /** One tick of the schedule: whether the scheduled run was due on this node, and ran. */
    boolean tick() {
        return schedule.tick();
    }

    Clock clock() {
        return clock;
    }

    private void scheduled() {
        try {
            LedgerRun run = catchUp();
            if (run.days() > 0) {
                LOG.info("Usage ledger: recorded {} day(s), {} record(s), through {}", run.days(), run.records(),
                    run.recordedThrough());
            }
        } catch (RuntimeException e) {
            LOG.error("Usage ledger run failed; the next run retries", e);
        }
    }

    /** Records every complete day not yet recorded. One run at a time per server; other servers are fenced by the day's row. */
    public synchronized LedgerRun catchUp() {
        LocalDate yesterday = yesterday();
        LocalDate from = store.read(UsageLedger::firstUnrecorded);
        int days = 0;
        int records = 0;
        for (LocalDate d = from; d != null && !d.isAfter(yesterday); d = d.plusDays(1)) {
            records += recordDay(d);
            days++;
        }
        return new LedgerRun(days, records, recordedThrough());
    }

    /**
     * How long ago the oldest complete day that is not recorded yet ended: 0 when the ledger is up to date (yesterday
     * is recorded), or when there is nothing to record.
     */
    public Duration lag() {
        LocalDate from = store.read(UsageLedger::firstUnrecorded);
        if (from == null || from.isAfter(yesterday())) {
            return Duration.ZERO;
        }
        Duration lag = Duration.between(from.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), clock.instant());
        return lag.isNegative() ? Duration.ZERO : lag;
    }

    private LocalDate yesterday() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
    }

    /** The day after the last one recorded; without any, the first machine's first; null without machines. */
    private static LocalDate firstUnrecorded(EntityManager em) {
        Integer last = em.createQuery("SELECT MAX(d.day) FROM UsageDayEntity d", Integer.class).getSingleResult();
        if (last != null) {
            return Periods.date(last).plusDays(1);
        }
        Timestamp first = em.createQuery("SELECT MIN(m.createdAt) FROM MachineEntity m", Timestamp.class).getSingleResult();
        return first == null ? null : first.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    String recordedThrough() {
        Integer last = store.read(em -> em.createQuery("SELECT MAX(d.day) FROM UsageDayEntity d", Integer.class).getSingleResult());
        return last == null ? null : Periods.date(last).toString();
    }

    /** Records one day; returns the records added (0 if another run did it). */
    int recordDay(LocalDate date) {
        int day = Periods.day(date);
        Instant start = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        try {
            return store.write(em -> {
                if (em.find(UsageDayEntity.class, day) != null) {
                    return 0;
                }
                int added = insertMissing(em, day, start, end);
                UsageDayEntity done = new UsageDayEntity();
                done.setDay(day);
                done.setMachines(added);
                done.setRecordedAt(clock.instant());
                em.persist(done);
                return added;
            });
        } catch (MtmException e) {
            if (e.code() == ErrorCode.CONFLICT) {
                // Another server recorded the same day between our check and our commit: the day is done.
                return 0;
            }
            throw e;
        }
    }

    private int insertMissing(EntityManager em, int day, Instant start, Instant end) {
        List<Object[]> machines = em.createQuery("SELECT m.id, m.serial, m.hostname, m.accountId, m.accountPath, m.planId, "
                + "m.extensions, m.tenants, m.state, m.createdAt, m.updatedAt FROM MachineEntity m "
                + "WHERE m.createdAt < :end AND (m.state <> 'DELETED' OR m.updatedAt > :start)", Object[].class)
            .setParameter("end", Timestamp.from(end)).setParameter("start", Timestamp.from(start)).getResultList();
        Set<Long> done = new HashSet<>(em.createQuery("SELECT u.machineId FROM UsageEntity u WHERE u.day = :d", Long.class)
            .setParameter("d", day).getResultList());
        Map<Long, int[]> apps = apps(em, end);
        Instant now = clock.instant();
        int added = 0;
        for (Object[] m : machines) {
            long id = (Long) m[0];
            Instant created = ((Timestamp) m[9]).toInstant();
            Instant gone = "DELETED".equals(m[8]) ? ((Timestamp) m[10]).toInstant() : null;
            int live = liveSeconds(created, gone, start, end);
            if (live == 0 || done.contains(id)) {
                continue;
            }
            int[] a = apps.getOrDefault(id, new int[2]);
            UsageEntity u = new UsageEntity();
            u.setMachineId(id);
            u.setDay(day);
            u.setSerial((String) m[1]);
            u.setHostname((String) m[2]);
            u.setAccountId((Long) m[3]);
            u.setAccountPath((String) m[4]);
            u.setPlanId((Long) m[5]);
            u.setExtensions((Integer) m[6]);
            u.setTenants((Integer) m[7]);
            u.setAppsPerMachine(a[0]);
            u.setAppsPerUser(a[1]);
            u.setLiveSeconds(live);
            u.setRecordedAt(now);
            em.persist(u);
            added++;
        }
        return added;
    }

    /** Per machine: apps activated before the day's end, licensed per machine [0] and per user [1]. */
    private static Map<Long, int[]> apps(EntityManager em, Instant end) {
        Map<Long, int[]> counts = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT a.machineId, p.licenceType FROM MachineAppEntity a, AppEntity p "
                + "WHERE a.appKey = p.key AND a.activatedAt < :end", Object[].class)
            .setParameter("end", Timestamp.from(end)).getResultList()) {
            int[] c = counts.computeIfAbsent((Long) r[0], k -> new int[2]);
            c[LicenceType.PER_USER.name().equals(r[1]) ? 1 : 0]++;
        }
        return counts;
    }

    /** Whole seconds of [start, end) during which a machine that existed over [created, gone) existed. */
    static int liveSeconds(Instant created, Instant gone, Instant start, Instant end) {
        Instant from = created.isAfter(start) ? created : start;
        Instant to = gone != null && gone.isBefore(end) ? gone : end;
        return to.isAfter(from) ? (int) ((to.toEpochMilli() - from.toEpochMilli()) / 1000) : 0;
    }
}
