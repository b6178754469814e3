package org.mtmanager.sipedge;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

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
import org.mtmanager.spi.sipedge.SipEdgeBackend;
import org.mtmanager.store.Store;
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

    private final Store store;
    private final AuditLog audit;
    private final Map<String, SipEdgeBackend> backends = new ConcurrentHashMap<>();
    private final EdgeThread thread = new EdgeThread();
    private volatile EdgeConfiguration config;
    private ScheduledFuture<?> checks;

    /** The edge's table as given to it; read and written on the edge's thread only, as the two below. */
    private final EdgeMirror mirror;
    private SipEdgeBackend startedOn;
    private EdgeConfiguration startedWith;

    private volatile String lastFailure;

    @Activate
    public SipEdge(@Reference Store store, @Reference AuditLog audit, Map<String, Object> config) {
        this(store, audit, config, Clock.systemUTC());
    }

    public SipEdge(Store store, AuditLog audit, Map<String, Object> config, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.mirror = new EdgeMirror(store, clock);
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
        checks = thread.every(this::check, c.checkSeconds());
    }

    @Deactivate
    void stop() throws InterruptedException {
        thread.stop(this::stopEdge);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    public void addBackend(SipEdgeBackend backend, Map<String, Object> props) {
        backends.put(String.valueOf(props.getOrDefault(SipEdgeBackend.TYPE_PROPERTY, backend.type())), backend);
        thread.later(this::check);
    }

    public void removeBackend(SipEdgeBackend backend, Map<String, Object> props) {
        backends.remove(String.valueOf(props.getOrDefault(SipEdgeBackend.TYPE_PROPERTY, backend.type())), backend);
        thread.later(() -> {
            if (startedOn == backend) {
                startedOn = null; // its bundle stops the edges it started
                mirror.invalidate();
            }
        });
    }

    // ---- the service ---------------------------------------------------------------------------------------

    @Override
    public SipEdgeStatus status(Caller caller) {
        Scope.requirePlatformAdmin(caller);
        return thread.call(() -> status(false));
    }

    @Override
    public SipEdgeStatus sync(Caller caller, boolean repair) {
        return audit.attempt(caller, "sip-edge.sync", "sip-edge", null, () -> {
            Scope.requirePlatformAdmin(caller);
            SipEdgeStatus status = thread.call(() -> status(repair));
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
        thread.later(() -> apply(prefixes));
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
            if (mirror.differs(state)) {
                mirror.load(b.get(), c);
            } else {
                mirror.catchUpIfChanged(b.get(), c);
            }
            lastFailure = null;
        } catch (EdgeException | RuntimeException e) {
            fail(e);
        }
    }

    private void apply(Set<String> prefixes) {
        EdgeConfiguration c = config;
        Optional<SipEdgeBackend> b = c.enabled() ? usable(c) : Optional.empty();
        if (b.isEmpty() || mirror.loadNeeded()) {
            return; // the next check loads the whole table
        }
        try {
            mirror.apply(b.get(), c, prefixes);
        } catch (EdgeException | RuntimeException e) {
            fail(e);
        }
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
                    drift.addAll(mirror.drift(state, db, carriers));
                }
                if (repair && problems.isEmpty()) {
                    try {
                        if (!state.running()) {
                            b.get().start(c.settings());
                            startedOn = b.get();
                            startedWith = c;
                        }
                        mirror.load(b.get(), c);
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
            state.carriers(), mirror.lastLoad(), mirror.lastLoadMs(), repaired);
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
        mirror.invalidate();
    }

    private void fail(Exception e) {
        mirror.invalidate();
        String why = e.getMessage() == null ? e.toString() : e.getMessage();
        if (!why.equals(lastFailure)) {
            LOG.warn("The SIP edge failed; it is loaded again at the next check: {}", why);
        }
        lastFailure = why;
    }

    private static String notDeployed(EdgeConfiguration c) {
        return "SIP edge backend '" + c.backend() + "' is not deployed (install the feature mtm-sip-edge-" + c.backend() + ")";
    }

    /** Returns once the edge's thread has run everything asked of it so far (for tests). */
    void settle() {
        thread.call(() -> Boolean.TRUE);
    }

    /** The periodic check, now, on the edge's thread (for tests). */
    void checkNow() {
        thread.call(() -> {
            check();
            return Boolean.TRUE;
        });
    }
}
