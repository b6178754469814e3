package org.mtmanager.sipedge;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.mtmanager.spi.sipedge.EdgeException;
import org.mtmanager.spi.sipedge.EdgeState;
import org.mtmanager.spi.sipedge.EdgeTable;
import org.mtmanager.spi.sipedge.SipEdgeBackend;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.DidRouteEntity;
import org.mtmanager.store.entity.EntityChanges;
import org.mtmanager.store.entity.SettingEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge's table as this node gave it (routes, carriers, the generation of its last full load), and the ways to
 * bring the edge to the database's: a full load, the differences since the store's change counts last moved, or the
 * routes of a few numbers. Used on the edge's thread only ({@link EdgeThread}); a failure leaves it asking for a full
 * load.
 */
final class EdgeMirror {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeMirror.class);
    /** Above this many differences a full load is quicker than one call each. */
    static final int MOST_SINGLE_CHANGES = 1000;

    private final Store store;
    private final Clock clock;
    private final AtomicLong generations = new AtomicLong();
    private Map<String, String> pushed = new HashMap<>();
    private List<String> pushedCarriers = List.of();
    private String generation = "";
    private long seenChanges = -1;
    private boolean reloadNeeded = true;
    private volatile Instant lastLoad;
    private volatile long lastLoadMs;

    EdgeMirror(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Something may differ from what the edge was given: the next check loads it whole. */
    void invalidate() {
        reloadNeeded = true;
    }

    boolean loadNeeded() {
        return reloadNeeded;
    }

    /** Whether the edge holds other than it was given (it restarted, or drifted), or a load is due anyway. */
    boolean differs(EdgeState state) {
        boolean differs = reloadNeeded || !generation.equals(state.generation()) || state.routes() != pushed.size();
        if (differs && !reloadNeeded && !generation.isEmpty()) {
            LOG.warn("The SIP edge drifted (generation {} for {}, {} route(s) for {}): loading it again",
                state.generation(), generation, state.routes(), pushed.size());
        }
        return differs;
    }

    Instant lastLoad() {
        return lastLoad;
    }

    long lastLoadMs() {
        return lastLoadMs;
    }

    List<String> drift(EdgeState state, Map<String, String> db, List<String> carriers) {
        return EdgeDrift.of(state, db, carriers, pushed, generation);
    }

    /** Catches up with what other nodes committed, when the store's change counts moved since the last look. */
    void catchUpIfChanged(SipEdgeBackend b, EdgeConfiguration c) throws EdgeException {
        if (changes() != seenChanges) {
            catchUp(b, c);
        }
    }

    /** The routes of these prefixes as they are now (empty: any may have changed). */
    void apply(SipEdgeBackend b, EdgeConfiguration c, Set<String> prefixes) throws EdgeException {
        if (prefixes.isEmpty()) {
            catchUp(b, c);
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
        push(b, c, put, remove);
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

    void load(SipEdgeBackend b, EdgeConfiguration c) throws EdgeException {
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

    private static long changes() {
        return EntityChanges.generation(DidRouteEntity.class, SettingEntity.class);
    }
}
