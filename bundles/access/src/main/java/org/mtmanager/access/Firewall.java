package org.mtmanager.access;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;

import org.mtmanager.api.Channel;
import org.mtmanager.api.access.FirewallStatus;
import org.mtmanager.api.access.GrantState;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.user.AuthService;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.cluster.DutyLeases;
import org.mtmanager.platform.cluster.DutySchedule;
import org.mtmanager.platform.metrics.Meters;
import org.mtmanager.spi.firewall.Edge;
import org.mtmanager.spi.firewall.FirewallBackend;
import org.mtmanager.spi.firewall.FirewallException;
import org.mtmanager.spi.firewall.FirewallSettings;
import org.mtmanager.spi.firewall.Policy;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.GrantEntity;
import org.mtmanager.store.entity.MachineEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured firewall backend ({@code etc/org.mtmanager.firewall.cfg}: {@code backend}, {@code publicAddress},
 * {@code internalNetwork}, {@code sipEdge}, {@code namespace}, {@code publicAddress6}, {@code nat64Prefix},
 * {@code retrySeconds}, {@code expirySeconds}), kept in
 * step with the database: a full sync at start and whenever a backend arrives, single changes as they happen, a
 * retrying full sync while anything is pending, and the expiry of grants. The retrying sync and the expiry are
 * duties ({@code firewall-sync}, {@code grant-expiry}; see {@link DutyLeases}) that one node performs; a node whose
 * own change failed syncs by itself, and a sync asked for runs where it is asked.
 */
@Component(service = Firewall.class, immediate = true, configurationPid = "org.mtmanager.firewall")
public class Firewall {
    private static final Logger LOG = LoggerFactory.getLogger(Firewall.class);

    private final Store store;
    private final AuditLog audit;
    private final AuthService auth;
    private final Map<String, FirewallBackend> backends = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final List<ScheduledFuture<?>> schedules = new CopyOnWriteArrayList<>();
    private final DutySchedule sync;
    private final DutySchedule expiry;
    private final Clock clock;
    private final Histogram syncs = Meters.seeded(Meters.seconds("mtm_firewall_sync_duration_seconds",
        "How long the firewall's full syncs took on this node, by outcome", Meters.WORK_SECONDS, "outcome"), "done", "failed");
    private volatile String backendType;
    private volatile FirewallSettings settings;
    private volatile boolean dirty = true;
    /** Why the last full sync failed (a tool's answer, e.g. a kernel without NAT); null after one that worked. */
    private volatile String lastFailure;
    /** The edge's preconditions that failed when last checked, logged when they change. */
    private volatile List<String> lastPreconditions = List.of();
    /** How the edge is read; a unit test's fake replaces the real one. */
    volatile Function<FirewallSettings, Edge.Probe> probes = Edge::of;

    @Activate
    public Firewall(@Reference Store store, @Reference AuditLog audit, @Reference AuthService auth,
                    @Reference DutyLeases duties, Map<String, Object> config) {
        this(store, audit, auth, duties, config, Clock.systemUTC());
    }

    public Firewall(Store store, AuditLog audit, AuthService auth, DutyLeases duties, Map<String, Object> config,
                    Clock clock) {
        this.store = store;
        this.audit = audit;
        this.auth = auth;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mtm-firewall");
            t.setDaemon(true);
            return t;
        });
        this.sync = new DutySchedule(duties, DutyLeases.FIREWALL_SYNC, timer, this::retry);
        this.expiry = new DutySchedule(duties, DutyLeases.GRANT_EXPIRY, timer, this::expireSafely);
        configure(config);
    }

    /**
     * A changed configuration applies in place, followed by a full sync: reactivating would take the access
     * service, and with it the REST and SOAP endpoints, down for a moment.
     */
    @Modified
    synchronized void configure(Map<String, Object> config) {
        Map<String, String> props = new HashMap<>();
        config.forEach((k, v) -> props.put(k, String.valueOf(v)));
        this.backendType = props.getOrDefault("backend", "nftables");
        this.settings = new FirewallSettings(props.getOrDefault("publicAddress", ""),
            props.getOrDefault("internalNetwork", "10.100.0.0/16"), props.getOrDefault("sipEdge", ""),
            props.getOrDefault("namespace", ""), props);
        long retrySeconds = Long.parseLong(props.getOrDefault("retrySeconds", "30"));
        long expirySeconds = Long.parseLong(props.getOrDefault("expirySeconds", "5"));
        schedules.forEach(f -> f.cancel(false));
        schedules.clear();
        dirty = true;
        // What only this node knows (its own start, its own failed change) it syncs itself; what the database
        // says (pending grants, expired grants) the holders of the duties act on.
        schedules.add(timer.scheduleWithFixedDelay(this::syncIfDirty, 0, retrySeconds, TimeUnit.SECONDS));
        sync.every(Duration.ofSeconds(retrySeconds), sync.tickEvery()); // the start's own sync is syncIfDirty's
        expiry.every(Duration.ofSeconds(expirySeconds), Duration.ofSeconds(expirySeconds));
    }

    @Deactivate
    void stop() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(10, TimeUnit.SECONDS);
        sync.stop();
        expiry.stop();
    }

    /** One tick of the duties' schedules: which of the sync and the expiry were due on this node, and ran. */
    boolean[] tick() {
        return new boolean[] {sync.tick(), expiry.tick()};
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    public void addBackend(FirewallBackend backend, Map<String, Object> props) {
        backends.put(String.valueOf(props.getOrDefault(FirewallBackend.TYPE_PROPERTY, backend.type())), backend);
        dirty = true;
        if (timer != null) {
            timer.execute(this::retry);
        }
    }

    public void removeBackend(FirewallBackend backend, Map<String, Object> props) {
        backends.remove(String.valueOf(props.getOrDefault(FirewallBackend.TYPE_PROPERTY, backend.type())), backend);
    }

    /** Something may differ from the database: the background sync will install the whole policy. */
    void markDirty() {
        dirty = true;
    }

    FirewallSettings settings() {
        return settings;
    }

    Optional<FirewallBackend> backend() {
        return Optional.ofNullable(backends.get(backendType));
    }

    List<String> problems() {
        Optional<FirewallBackend> b = backend();
        if (b.isEmpty()) {
            return List.of("firewall backend '" + backendType + "' is not deployed (install the feature mtm-firewall-" + backendType + ")");
        }
        return b.get().problems(settings);
    }

    /**
     * What the edge itself lacks for the rules to carry packets (forwarding, a public address of its own; see
     * {@link Edge}), with remedies. These never stop a sync: the rules are right, the edge is not ready for them.
     */
    List<String> preconditions() {
        FirewallSettings s = settings;
        if (!edgeExists(s)) {
            return List.of(); // the backend reports the missing namespace
        }
        List<String> found = Edge.problems(s, probes.apply(s));
        if (!found.equals(lastPreconditions)) {
            lastPreconditions = found;
            if (!found.isEmpty()) {
                LOG.warn("The firewall's rules cannot carry packets yet: {}", String.join("; ", found));
            }
        }
        return found;
    }

    /** Where clients reach the port forwards (see {@link Edge#publicAddress}). */
    String publicAddress() {
        FirewallSettings s = settings;
        return edgeExists(s) ? Edge.publicAddress(s, probes.apply(s)) : s.publicAddress();
    }

    private static boolean edgeExists(FirewallSettings s) {
        return s.namespace().isEmpty() || Files.exists(Path.of("/run/netns", s.namespace()));
    }

    /**
     * Pushes single changes, and cuts the connections of removed grants. False when the backend could not take
     * them: the next full sync will.
     */
    synchronized boolean change(Policy add, Policy remove, List<Policy.Allow> cut) {
        Optional<FirewallBackend> b = backend();
        if (b.isEmpty() || dirty) {
            dirty = true;
            return false;
        }
        try {
            if (!remove.isEmpty()) {
                b.get().remove(settings, remove);
            }
            for (Policy.Allow a : cut) {
                b.get().cut(settings, a);
            }
            if (!add.isEmpty()) {
                b.get().add(settings, add);
            }
            return true;
        } catch (FirewallException | RuntimeException e) {
            LOG.warn("Firewall change failed; a full sync will follow: {}", e.getMessage());
            dirty = true;
            return false;
        }
    }

    /**
     * Installs the whole policy; the grants that were PENDING in it become ACTIVE. The database is marked after
     * the firewall's monitor is released: granting holds its open transaction while it calls {@link #change},
     * so the two are never taken in the other order.
     */
    void syncNow() throws FirewallException {
        long t0 = System.nanoTime();
        String outcome = "failed";
        try {
            syncNow(t0);
            outcome = "done";
        } finally {
            syncs.labelValues(outcome).observe(Meters.secondsSince(t0));
        }
    }

    private void syncNow(long t0) throws FirewallException {
        Policy desired;
        Long pending;
        long t1;
        long t2;
        synchronized (this) {
            Optional<FirewallBackend> b = backend();
            if (b.isEmpty()) {
                throw new FirewallException(String.join("; ", problems()), true);
            }
            AccessPolicy.Desired read = store.read(AccessPolicy::read);
            desired = read.policy();
            pending = read.maxPending();
            t1 = System.nanoTime();
            try {
                b.get().apply(settings, desired);
            } catch (FirewallException e) {
                lastFailure = e.getMessage();
                throw e;
            }
            t2 = System.nanoTime();
            dirty = false;
            lastFailure = null;
        }
        if (pending != null) {
            // Grants made since the read have higher ids, and install themselves (their change waits for this monitor).
            store.writing(em -> em.createQuery("UPDATE GrantEntity g SET g.state = :a WHERE g.state = :p AND g.id <= :max")
                .setParameter("a", GrantState.ACTIVE.name()).setParameter("p", GrantState.PENDING.name())
                .setParameter("max", pending).executeUpdate());
        }
        LOG.info("Firewall full sync ({}): {} forwards, {} grants in {} ms ({} ms reading the database, {} ms in the backend)",
            backendType, desired.forwards().size(), desired.allows().size(), (System.nanoTime() - t0) / 1_000_000,
            (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }

    /** The full syncs' durations on this node, by outcome (both there from the start, at 0). */
    HistogramSnapshot syncDurations() {
        return syncs.collect();
    }

    FirewallStatus status(boolean repair) {
        List<String> problems = new ArrayList<>(problems());
        boolean usable = problems.isEmpty();
        problems.addAll(preconditions());
        Policy desired = store.read(AccessPolicy::desired);
        List<String> drift = new ArrayList<>();
        boolean repaired = false;
        if (usable) {
            try {
                Policy installed = backend().orElseThrow().installed(settings);
                Policy wanted = desired;
                Policy missing = wanted.minus(installed);
                Policy extra = installed.minus(wanted);
                missing.forwards().forEach(f -> drift.add("missing forward " + f));
                missing.allows().forEach(a -> drift.add("missing grant " + a));
                extra.forwards().forEach(f -> drift.add("unknown forward " + f));
                extra.allows().forEach(a -> drift.add("unknown grant " + a));
                if (repair) {
                    syncNow();
                    repaired = true;
                } else {
                    repaired = drift.isEmpty();
                }
            } catch (FirewallException e) {
                if (!e.getMessage().equals(lastFailure)) {
                    problems.add(e.getMessage());
                }
            }
        }
        String failure = lastFailure;
        if (failure != null) {
            problems.add("the last full sync failed: " + failure);
        }
        long pending = pendingGrants();
        return new FirewallStatus(backendType, problems, drift, desired.forwards().size(), desired.allows().size(), pending, repaired);
    }

    /** The grants made and not yet installed in the firewall. */
    long pendingGrants() {
        return store.read(em -> em.createQuery("SELECT COUNT(g.id) FROM GrantEntity g WHERE g.state = :p", Long.class)
            .setParameter("p", GrantState.PENDING.name()).getSingleResult());
    }

    private void syncIfDirty() {
        if (dirty) {
            retry();
        }
    }

    /** The background sync: while anything is dirty or pending, try the whole policy again. */
    private void retry() {
        try {
            long pending = pendingGrants();
            if ((dirty || pending > 0) && problems().isEmpty()) {
                syncNow();
            }
            preconditions();
        } catch (FirewallException | RuntimeException e) {
            LOG.warn("Firewall sync failed; retrying later: {}", e.getMessage());
        }
    }

    private void expireSafely() {
        try {
            expire(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Grant expiry failed; retrying later: {}", e.getMessage());
        }
    }

    /** Revokes every grant whose expiry has passed, auditing each; returns how many. */
    int expire(Instant now) {
        List<Long> due = store.read(em -> em.createQuery("SELECT g.id FROM GrantEntity g WHERE g.expiresAt IS NOT NULL AND g.expiresAt <= :now",
            Long.class).setParameter("now", Timestamp.from(now)).getResultList());
        for (long id : due) {
            Policy.Allow gone = store.write(em -> {
                GrantEntity g = em.find(GrantEntity.class, id);
                if (g == null) {
                    return null;
                }
                MachineEntity m = em.find(MachineEntity.class, g.getMachineId());
                em.remove(g);
                audit.append(em, auth.system(Channel.SYSTEM), AuditEvent.success("access.expire", "machine", g.getMachineId(),
                    m.getAccountId(), g.getService() + " from " + g.getSource() + " expired"));
                return AccessPolicy.allow(g, m.getInternalIp());
            });
            if (gone != null) {
                change(Policy.EMPTY, Policy.of(List.of(), List.of(gone)), List.of(gone));
            }
        }
        return due.size();
    }
}
