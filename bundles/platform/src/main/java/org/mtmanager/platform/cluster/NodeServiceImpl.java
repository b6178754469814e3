package org.mtmanager.platform.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Page;
import org.mtmanager.api.node.Node;
import org.mtmanager.api.node.NodeService;
import org.mtmanager.api.node.NodeState;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.DutyEntity;
import org.mtmanager.store.entity.NodeEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The nodes as their rows say, DOWN for an UP node whose lease has passed, with the jobs and duties each holds. */
@Component(service = NodeService.class)
public class NodeServiceImpl implements NodeService {
    private final Store store;
    private final Clock clock;

    @Activate
    public NodeServiceImpl(@Reference Store store) {
        this(store, Clock.systemUTC());
    }

    public NodeServiceImpl(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Page<Node> list(Caller caller) {
        Scope.requirePlatformAdmin(caller);
        Instant now = clock.instant();
        return store.read(em -> {
            Map<String, List<Long>> held = new HashMap<>();
            for (Object[] row : em.createQuery("SELECT j.leaseOwner, j.id FROM JobEntity j WHERE j.leaseOwner IS NOT NULL"
                + " AND j.state IN ('QUEUED', 'RUNNING', 'WAITING') ORDER BY j.id", Object[].class).getResultList()) {
                held.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((Long) row[1]);
            }
            Map<String, List<String>> duties = new HashMap<>();
            for (DutyEntity d : em.createQuery("SELECT d FROM DutyEntity d WHERE d.owner IS NOT NULL ORDER BY d.name",
                DutyEntity.class).getResultList()) {
                if (d.getLeaseUntil() != null && d.getLeaseUntil().isAfter(now)) {
                    duties.computeIfAbsent(d.getOwner(), k -> new ArrayList<>()).add(d.getName());
                }
            }
            List<Node> nodes = em.createQuery("SELECT n FROM NodeEntity n ORDER BY n.name", NodeEntity.class).getResultList()
                .stream().map(n -> {
                    NodeState state = state(n, now);
                    return new Node(n.getName(), state, n.getStartedAt(), n.getHeartbeatAt(), n.getAddress(),
                        n.getPlatformVersion(), state == NodeState.UP ? held.getOrDefault(n.getName(), List.of()) : List.of(),
                        state == NodeState.UP ? duties.getOrDefault(n.getName(), List.of()) : List.of());
                }).toList();
            return new Page<>(nodes, 0, nodes.size(), nodes.size());
        });
    }

    private static NodeState state(NodeEntity n, Instant now) {
        if (n.getState().equals(NodeState.STOPPED.name())) {
            return NodeState.STOPPED;
        }
        return n.getLeaseUntil() == null || n.getLeaseUntil().isBefore(now) ? NodeState.DOWN : NodeState.UP;
    }
}
