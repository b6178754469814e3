package org.mtmanager.sipedge;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.mtmanager.api.Caller;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.did.DidRouteListener;
import org.mtmanager.api.sipedge.SipEdgeService;
import org.mtmanager.api.sipedge.SipEdgeStatus;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.spi.sipedge.EdgeException;
import org.mtmanager.spi.sipedge.EdgeState;
import org.mtmanager.spi.sipedge.EdgeTable;
import org.mtmanager.spi.sipedge.SipEdgeBackend;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.DidRouteEntity;
import org.mtmanager.store.entity.EntityChanges;
import org.mtmanager.store.entity.SettingEntity;
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
 * Runs this node's SIP edge on the configured backend ({@link EdgeConfiguration}) and keeps its table in step with the
 * database. A route committed on this node reaches the edge as one call right after its commit ({@link
 * DidRouteListener}); every {@code checkSeconds} the edge is checked: started if it does not run, loaded whole if it
 * holds another generation or another number of routes than it was given (it restarted, or drifted), and brought
 * up to date with changes that other nodes committed (the store's change counts moved) and with the {@code
 * sip.carriers} setting. Everything that touches the edge runs on one thread, in order.
 */
@Component(service = {SipEdgeService.class, DidRouteListener.class}, immediate = true, configurationPid = "org.mtmanager.sipedge")
public class SipEdge implements SipEdgeService, DidRouteListener {
    private static final Logger LOG = LoggerFactory.getLogger(SipEdge.class);
    /** Above this many differences a full load is quicker than one call each. */
    static final int MOST_SINGLE_CHANGES = 1000;
    private static final int DRIFT_SHOWN = 20;

    private final Store store;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, SipEdgeBackend> backends = new ConcurrentHashMap<>();
    private final ScheduledExecutorService thread;
    private final AtomicLong generations = new AtomicLong();
    private volatile EdgeConfiguration config;
    private ScheduledFuture<?> checks;

    // The edge's table as given to it; read and written on the edge's thread only.
    private Map<String, String> pushed = new HashMap<>();
    private List<String> pushedCarriers = List.of();
    private String generation = "";
    private long seenChanges = -1;
    private boolean reloadNeeded = true;
    private SipEdgeBackend startedOn;
    private EdgeConfiguration startedWith;

    private volatile Instant lastLoad;
    private volatile long lastLoadMs;
    private volatile String lastFailure;

    @Activate
    public SipEdge(@Reference Store store, @Reference AuditLog audit, Map<String, Object> config) {
        this(store, audit, config, Clock.systemUTC());
    }

    public SipEdge(Store store, AuditLog audit, Map<String, Object> config, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mtm-sip-edge");
            t.setDaemon(true);
            return t;
        });
        configure(config);
    }

    /** A changed configuration applies in place: the edge is started again on it at once. */
    @Modified
    synchronized void configure(Map<String, Object> properties) {
        EdgeConfiguration c;
        try {
            c = EdgeConfiguration.of(properties);
        } catch (MtmException e) {
            LOG.error("etc/org.mtmanager.sipedge.cfg is refused, the SIP edge keeps its settings: {}", e.getMessage());
            lastFailure = "etc/org.mtmanager.sipedge.cfg is refused: " + e.getMessage();
            if (config != null) {
                return;
            }
            c = EdgeConfiguration.of(Map.of("enabled", "false"));
        }
        config = c;
        if (checks != null) {
            checks.cancel(false);
        }
        checks = thread.scheduleWithFixedDelay(this::check, 0, c.checkSeconds(), TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() throws InterruptedException {
        thread.submit(this::stopEdge);
        thread.shutdown();
        thread.awaitTermination(15, TimeUnit.SECONDS);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    public void addBackend(SipEdgeBackend backend, Map<String, Object> props) {
        backends.put(String.valueOf(props.getOrDefault(SipEdgeBackend.TYPE_PROPERTY, backend.type())), backend);
        later(this::check);
    }

    public void removeBackend(SipEdgeBackend backend, Map<String, Object> props) {
        backends.remove(String.valueOf(props.getOrDefault(SipEdgeBackend.TYPE_PROPERTY, backend.type())), backend);
        later(() -> {
            if (startedOn == backend) {
                startedOn = null; // its bundle stops the edges it started
                reloadNeeded = true;
            }
        });
    }

    // ---- the service ---------------------------------------------------------------------------------------

    @Override
    public SipEdgeStatus status(Caller caller) {
        Scope.requirePlatformAdmin(caller);
        return onEdgeThread(() -> status(false));
    }

    @Override
    public SipEdgeStatus sync(Caller caller, boolean repair) {
        return audit.attempt(caller, "sip-edge.sync", "sip-edge", null, () -> {
            Scope.requirePlatformAdmin(caller);
            SipEdgeStatus status = onEdgeThread(() -> status(repair));
            audit.record(caller, AuditEvent.success("sip-edge.sync", "sip-edge", status.backend(), caller.accountId(),
                status.drift().size() + " drift(s)" + (repair ? ", repaired: " + status.repaired() : "")));
            return status;
        });
    }

    /** After a commit on this node: the edge takes these numbers' routes as they are now. */
    @Override
    public void routesChanged(Set<String> numbers) {
        Set<String> prefixes = new HashSet<>();
        numbers.forEach(n -> prefixes.add(n.startsWith("+") ? n.substring(1) : n));
        later(() -> apply(prefixes));
    }

    // ---- on the edge's thread ------------------------------------------------------------------------------

    /** The periodic check: the edge runs, holds this platform's table, and has what the database has. */
    void check() {
        try {
            EdgeConfiguration c = config;
            if (!c.enabled()) {
                stopEdge();
                return;
            }
            Optional<SipEdgeBackend> b = usable(c);
            if (b.isEmpty()) {
                return;
            }
            if (startedOn != null && !c.equals(startedWith)) {
                stopEdge(); // settings changed: start anew on them
            }
            EdgeState state = b.get().state(c.settings());
            if (!state.running()) {
                b.get().start(c.settings());
                startedOn = b.get();
                startedWith = c;
                state = b.get().state(c.settings());
            } else if (startedOn == null) {
                startedOn = b.get(); // an edge left running by this node's last run, adopted
                startedWith = c;
            }
            if (reloadNeeded || !generation.equals(state.generation()) || state.routes() != pushed.size()) {
                if (!reloadNeeded && !generation.isEmpty()) {
                    LOG.warn("The SIP edge drifted (generation {} for {}, {} route(s) for {}): loading it again",
                        state.generation(), generation, state.routes(), pushed.size());
                }
                load(b.get(), c);
            } else if (changes() != seenChanges) {
                catchUp(b.get(), c);
            }
            lastFailure = null;
        } catch (EdgeException | RuntimeException e) {
            fail(e);
        }
    }

    private void apply(Set<String> prefixes) {
        EdgeConfiguration c = config;
        Optional<SipEdgeBackend> b = c.enabled() ? usable(c) : Optional.empty();
        if (b.isEmpty() || reloadNeeded) {
            return; // the next check loads the whole table
        }
        try {
            if (prefixes.isEmpty()) {
                catchUp(b.get(), c);
                return;
            }
            Map<String, String> now = store.read(em -> EdgeRoutes.of(em, prefixes));
            Map<String, String> put = new HashMap<>();
            List<String> remove = new ArrayList<>();
            for (String p : prefixes) {
                String target = now.get(p);
                if (target == null) {
                    if (pushed.containsKey(p)) {
                        remove.add(p);
                    }
                } else if (!target.equals(pushed.get(p))) {
                    put.put(p, target);
                }
            }
            push(b.get(), c, put, remove);
        } catch (EdgeException | RuntimeException e) {
            fail(e);
        }
    }

    /** Brings the edge to the database's table by single changes (or a full load when there are too many). */
    private void catchUp(SipEdgeBackend b, EdgeConfiguration c) throws EdgeException {
        long seen = changes();
        Map<String, String> db = store.read(EdgeRoutes::all);
        List<String> carriers = store.read(EdgeRoutes::carriers);
        Map<String, String> put = new HashMap<>();
        db.forEach((p, target) -> {
            if (!target.equals(pushed.get(p))) {
                put.put(p, target);
            }
        });
        List<String> remove = pushed.keySet().stream().filter(p -> !db.containsKey(p)).toList();
        if (put.size() + remove.size() > MOST_SINGLE_CHANGES) {
            load(b, c);
            return;
        }
        push(b, c, put, remove);
        if (!carriers.equals(pushedCarriers)) {
            b.carriers(c.settings(), carriers);
            pushedCarriers = carriers;
            LOG.info("The SIP edge admits the carriers {}", carriers.isEmpty() ? "(none)" : carriers);
        }
        seenChanges = seen;
    }

    private void push(SipEdgeBackend b, EdgeConfiguration c, Map<String, String> put, List<String> remove) throws EdgeException {
        if (!remove.isEmpty()) {
            b.remove(c.settings(), remove);
            remove.forEach(pushed::remove);
        }
        if (!put.isEmpty()) {
            b.put(c.settings(), put);
            pushed.putAll(put);
        }
    }

    private void load(SipEdgeBackend b, EdgeConfiguration c) throws EdgeException {
        long t0 = System.nanoTime();
        long seen = changes();
        Map<String, String> db = store.read(EdgeRoutes::all);
        List<String> carriers = store.read(EdgeRoutes::carriers);
        String next = clock.instant().toEpochMilli() + "-" + generations.incrementAndGet();
        reloadNeeded = true;
        long t1 = System.nanoTime();
        b.load(c.settings(), new EdgeTable(next, carriers, db));
        long t2 = System.nanoTime();
        pushed = new HashMap<>(db);
        pushedCarriers = carriers;
        generation = next;
        seenChanges = seen;
        reloadNeeded = false;
        lastLoad = clock.instant();
        lastLoadMs = (System.nanoTime() - t0) / 1_000_000;
        LOG.info("SIP edge loaded ({}): {} route(s), carriers {}, in {} ms ({} ms reading the database, {} ms in the backend)",
            c.backend(), db.size(), carriers.isEmpty() ? "(none)" : carriers, lastLoadMs, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }

    private SipEdgeStatus status(boolean repair) {
        EdgeConfiguration c = config;
        List<String> problems = new ArrayList<>();
        List<String> drift = new ArrayList<>();
        Map<String, String> db = store.read(EdgeRoutes::all);
        List<String> carriers = store.read(EdgeRoutes::carriers);
        EdgeState state = EdgeState.down("");
        boolean repaired = false;
        if (!c.enabled()) {
            problems.add("the SIP edge is off (enabled = false in etc/org.mtmanager.sipedge.cfg): carriers' calls reach no machine");
        } else {
            Optional<SipEdgeBackend> b = Optional.ofNullable(backends.get(c.backend()));
            if (b.isEmpty()) {
                problems.add(notDeployed(c));
            } else {
                problems.addAll(b.get().problems(c.settings()));
                state = b.get().state(c.settings());
                if (!state.running()) {
                    drift.add("the SIP edge does not run: " + state.detail());
                } else {
                    drift(state, db, carriers, drift);
                }
                if (repair && problems.isEmpty()) {
                    try {
                        if (!state.running()) {
                            b.get().start(c.settings());
                            startedOn = b.get();
                            startedWith = c;
                        }
                        load(b.get(), c);
                        state = b.get().state(c.settings());
                        repaired = state.running();
                        lastFailure = null;
                    } catch (EdgeException | RuntimeException e) {
                        fail(e);
                    }
                } else {
                    repaired = state.running() && drift.isEmpty();
                }
            }
        }
        String failure = lastFailure;
        if (failure != null && !problems.contains(failure)) {
            problems.add(failure);
        }
        if (c.enabled() && carriers.isEmpty()) {
            problems.add("no carrier is listed (the setting sip.carriers): the SIP edge refuses every call");
        }
        return new SipEdgeStatus(c.backend(), c.enabled(), state.running(), c.listen(), problems, drift, db.size(), state.routes(),
            state.carriers(), lastLoad, lastLoadMs, repaired);
    }

    /** What differs between the database and the edge as this node gave it its table. */
    private void drift(EdgeState state, Map<String, String> db, List<String> carriers, List<String> drift) {
        if (!state.generation().equals(generation)) {
            drift.add("the SIP edge holds " + (state.generation().isEmpty() ? "no table of the platform's (it restarted)"
                : "another table (generation " + state.generation() + ")"));
        }
        if (state.routes() != db.size()) {
            drift.add("the SIP edge holds " + state.routes() + " route(s), the database " + db.size());
        }
        List<String> routes = new ArrayList<>();
        db.forEach((p, target) -> {
            String held = pushed.get(p);
            if (held == null) {
                routes.add("missing route +" + p + " to " + target);
            } else if (!held.equals(target)) {
                routes.add("route +" + p + " goes to " + held + ", not " + target);
            }
        });
        pushed.keySet().stream().filter(p -> !db.containsKey(p)).forEach(p -> routes.add("unknown route +" + p + " to " + pushed.get(p)));
        routes.sort(null);
        drift.addAll(routes.subList(0, Math.min(DRIFT_SHOWN, routes.size())));
        if (routes.size() > DRIFT_SHOWN) {
            drift.add("... and " + (routes.size() - DRIFT_SHOWN) + " more route(s)");
        }
        if (!new HashSet<>(state.carriers()).equals(new HashSet<>(carriers))) {
            drift.add("the SIP edge admits " + state.carriers() + ", the setting sip.carriers says " + carriers);
        }
    }

    private Optional<SipEdgeBackend> usable(EdgeConfiguration c) {
        SipEdgeBackend b = backends.get(c.backend());
        if (b == null) {
            lastFailure = notDeployed(c);
            return Optional.empty();
        }
        List<String> problems = b.problems(c.settings());
        if (!problems.isEmpty()) {
            String why = String.join("; ", problems);
            if (!why.equals(lastFailure)) {
                LOG.warn("The SIP edge cannot run: {}", why);
            }
            lastFailure = why;
            return Optional.empty();
        }
        return Optional.of(b);
    }

    private void stopEdge() {
        if (startedOn != null && startedWith != null) {
            startedOn.stop(startedWith.settings());
        }
        startedOn = null;
        startedWith = null;
        reloadNeeded = true;
    }

    private void fail(Exception e) {
        reloadNeeded = true;
        String why = e.getMessage() == null ? e.toString() : e.getMessage();
        if (!why.equals(lastFailure)) {
            LOG.warn("The SIP edge failed; it is loaded again at the next check: {}", why);
        }
        lastFailure = why;
    }

    private static String notDeployed(EdgeConfiguration c) {
        return "SIP edge backend '" + c.backend() + "' is not deployed (install the feature mtm-sip-edge-" + c.backend() + ")";
    }

    private static long changes() {
        return EntityChanges.generation(DidRouteEntity.class, SettingEntity.class);
    }

    private void later(Runnable work) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException e) {
            // stopping: the next start loads the whole table
        }
    }

    private <T> T onEdgeThread(Callable<T> work) {
        Future<T> f;
        try {
            f = thread.submit(work);
        } catch (RejectedExecutionException e) {
            throw MtmException.conflict(null, "the SIP edge is stopping");
        }
        try {
            return f.get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw MtmException.conflict(null, "the SIP edge is busy (a load takes long): try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MtmException.conflict(null, "interrupted");
        }
    }

    /** Returns once the edge's thread has run everything asked of it so far (for tests). */
    void settle() {
        onEdgeThread(() -> Boolean.TRUE);
    }

    /** The periodic check, now, on the edge's thread (for tests). */
    void checkNow() {
        onEdgeThread(() -> {
            check();
            return Boolean.TRUE;
        });
    }
}
