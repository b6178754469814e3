package org.mtmanager.sipedge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.mtmanager.spi.sipedge.EdgeState;

/** What differs between the database and the edge as this node gave it its table, in the operator's words. */
final class EdgeDrift {
    private static final int ROUTES_SHOWN = 20;

    private EdgeDrift() {
    }

    /**
     * @param pushed     the routes this node gave the edge, prefix digits to target
     * @param generation the generation of this node's last load
     */
    static List<String> of(EdgeState state, Map<String, String> db, List<String> carriers, Map<String, String> pushed,
                           String generation) {
        List<String> drift = new ArrayList<>();
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
        drift.addAll(routes.subList(0, Math.min(ROUTES_SHOWN, routes.size())));
        if (routes.size() > ROUTES_SHOWN) {
            drift.add("... and " + (routes.size() - ROUTES_SHOWN) + " more route(s)");
        }
        if (!new HashSet<>(state.carriers()).equals(new HashSet<>(carriers))) {
            drift.add("the SIP edge admits " + state.carriers() + ", the setting sip.carriers says " + carriers);
        }
        return drift;
    }
}
