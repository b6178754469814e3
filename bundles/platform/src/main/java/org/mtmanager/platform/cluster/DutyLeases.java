package org.mtmanager.platform.cluster;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;

import org.mtmanager.store.Store;
import org.mtmanager.store.entity.DutyEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The duties that one node at a time performs, each a row of {@code MTM_DUTY} leased to its holder. A node takes
 * a duty whose lease has run out (its holder died or stopped) and keeps it by renewing the lease, both through a
 * compare-and-set UPDATE on the row's fence, so that two nodes can never both take it; the fence rises at every
 * change of holder. The components that perform duties {@link #perform register} them; this node's heartbeat
 * (every {@link LocalNode#heartbeat()}) takes or renews the registered ones, independently of how long a run
 * takes. A clean stop releases them, and another node takes them at its next tick; a node that dies loses them
 * when its lease ends ({@link LocalNode#lease()}).
 *
 * <p>A duty's own interval is kept in its row ({@code LASTRUNAT}): a new holder runs it when the interval has
 * passed since the last run on any node, not again at once. Leases compare the nodes' clocks, which must agree to
 * well within a lease (NTP). A duty's work must stay harmless when, rarely, two nodes overlap (a holder paused past
 * its lease): the ledger and the expiry are guarded by constraints and rows, and a sync or a reconciliation twice
 * is only work twice.
 */
@Component(service = DutyLeases.class, immediate = true)
public class DutyLeases {
    public static final String USAGE_LEDGER = "usage-ledger";
    public static final String RECONCILE = "reconcile";
    public static final String GRANT_EXPIRY = "grant-expiry";
    public static final String FIREWALL_SYNC = "firewall-sync";
    public static final List<String> ALL = List.of(USAGE_LEDGER, RECONCILE, GRANT_EXPIRY, FIREWALL_SYNC);

    private static final Logger LOG = LoggerFactory.getLogger(DutyLeases.class);

    private final Store store;
    private final LocalNode node;
    private final Clock clock;
    private final Set<String> performed = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;

    @Activate
    public DutyLeases(@Reference Store store, @Reference LocalNode node) {
        this.store = store;
        this.node = node;
        this.clock = Clock.systemUTC();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mtm-duties");
            t.setDaemon(true);
            return t;
        });
        long beat = node.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::heartbeatSafely, beat, beat, TimeUnit.MILLISECONDS);
    }

    /** Leases on the given clock, renewed only when a test calls {@link #heartbeat()}. */
    public DutyLeases(Store store, LocalNode node, Clock clock) {
        this.store = store;
        this.node = node;
        this.clock = clock;
        this.timer = null;
    }

    /** A clean stop: this node's duties are free at once, for another node's next tick. */
    @Deactivate
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
        performed.clear();
        releaseAll();
    }

    public LocalNode node() {
        return node;
    }

    /** How often a component performing a duty looks whether it is due here: often enough to take over in a lease. */
    public Duration tick() {
        return node.heartbeat();
    }

    /** This node performs the duty from now on: its heartbeat takes it when free and renews it. */
    public void perform(String duty) {
        performed.add(duty);
    }

    /** This node no longer performs the duty (its component stopped): it is released for another node. */
    public void stopPerforming(String duty) {
        performed.remove(duty);
        store.writing(em -> release(em, duty));
    }

    /** Takes or renews every duty this node performs. */
    public void heartbeat() {
        for (String duty : performed) {
            hold(duty);
        }
    }

    private void heartbeatSafely() {
        try {
            heartbeat();
        } catch (RuntimeException e) {
            // The next beat tries again; until then the lease, not this node, decides.
            LOG.warn("Duty lease renewal failed on node {}: {}", node.name(), e.getMessage());
        }
    }

    /**
     * Whether this node holds the duty after this call: it renews its own lease, or takes the duty when its lease
     * has run out (or it was never held), raising the fence. Another node's live lease is left alone.
     */
    public boolean hold(String duty) {
        return store.write(em -> holdIn(em, duty) != null);
    }

    /**
     * Whether a scheduled run of the duty is due on this node: it holds the duty, and {@code interval} has passed
     * since the duty last ran on any node. A due run is recorded as started, so the next one waits an interval.
     */
    public boolean due(String duty, Duration interval) {
        return store.write(em -> {
            DutyEntity d = holdIn(em, duty);
            if (d == null) {
                return false;
            }
            Instant now = clock.instant();
            if (d.getLastRunAt() != null && d.getLastRunAt().plus(interval).isAfter(now)) {
                return false;
            }
            d.setLastRunAt(now);
            return true;
        });
    }

    /** Each duty with a live lease, and the node holding it, in duty name order. */
    public Map<String, String> holders() {
        Instant now = clock.instant();
        return store.read(em -> {
            Map<String, String> held = new LinkedHashMap<>();
            for (DutyEntity d : em.createQuery("SELECT d FROM DutyEntity d ORDER BY d.name", DutyEntity.class).getResultList()) {
                if (d.getOwner() != null && d.getLeaseUntil() != null && d.getLeaseUntil().isAfter(now)) {
                    held.put(d.getName(), d.getOwner());
                }
            }
            return held;
        });
    }

    /** The duty's row if this node holds it now (the row is read again after the compare-and-set), else null. */
    private DutyEntity holdIn(EntityManager em, String duty) {
        Instant now = clock.instant();
        Instant until = now.plus(node.lease());
        DutyEntity d = em.find(DutyEntity.class, duty);
        if (d == null) {
            // Two nodes inserting the first row collide on its key; the store runs the later one again.
            d = new DutyEntity();
            d.setName(duty);
            d.setOwner(node.name());
            d.setLeaseUntil(until);
            d.setFence(1);
            em.persist(d);
            em.flush();
            LOG.info("Node {} holds duty {} (fence 1)", node.name(), duty);
            return d;
        }
        boolean mine = node.name().equals(d.getOwner());
        boolean free = d.getOwner() == null || d.getLeaseUntil() == null || !d.getLeaseUntil().isAfter(now);
        if (!mine && !free) {
            return null;
        }
        long fence = d.getFence();
        String before = d.getOwner();
        long next = mine ? fence : fence + 1;
        int changed = em.createQuery("UPDATE DutyEntity d SET d.owner = :me, d.leaseUntil = :until, d.fence = :next "
                + "WHERE d.name = :n AND d.fence = :fence")
            .setParameter("me", node.name()).setParameter("until", Timestamp.from(until))
            .setParameter("next", next).setParameter("n", duty).setParameter("fence", fence).executeUpdate();
        if (changed == 0) {
            return null;
        }
        em.refresh(d);
        if (!mine) {
            LOG.info("Node {} holds duty {} (fence {}), taken over from {}", node.name(), duty, next, before);
        }
        return d;
    }

    private void releaseAll() {
        try {
            store.writing(em -> {
                for (String duty : ALL) {
                    release(em, duty);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Node {} could not release its duties; they pass on when its lease ends: {}", node.name(), e.getMessage());
        }
    }

    /** Ends this node's lease on the duty, keeping the fence: the next node to take it raises it. */
    private void release(EntityManager em, String duty) {
        em.createQuery("UPDATE DutyEntity d SET d.leaseUntil = :now WHERE d.name = :n AND d.owner = :me")
            .setParameter("now", Timestamp.from(clock.instant())).setParameter("n", duty)
            .setParameter("me", node.name()).executeUpdate();
    }
}
