package org.mtmanager.platform.cluster;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.Role;
import org.mtmanager.api.node.Node;
import org.mtmanager.api.node.NodeState;
import org.mtmanager.store.JpaStore;

/** The node list shows the duties each UP node holds, and none for a node that fell silent or stopped. */
public class NodeDutiesTest {
    private static final Duration LEASE = Duration.ofSeconds(10);
    /** The node list is the platform administrator's alone. */
    private static final Caller PLATFORM = new Caller(1, "admin", 1, "/1/", Role.PLATFORM_ADMIN, null, Channel.REST);

    @Rule
    public final Nodes f = new Nodes();

    @Test
    public void eachUpNodeShowsTheDutiesItHoldsAndASilentOneNone() throws Exception {
        LocalNode n1 = new LocalNode("n1", LEASE, Duration.ofSeconds(3), Duration.ofSeconds(1));
        LocalNode n2 = new LocalNode("n2", LEASE, Duration.ofSeconds(3), Duration.ofSeconds(1));
        JpaStore other = f.otherNode();
        NodeMembership first = new NodeMembership(f.store, n1, f.clock, "n1:8181", "test");
        NodeMembership second = new NodeMembership(other, n2, f.clock, "n2:8181", "test");
        DutyLeases firstDuties = new DutyLeases(f.store, n1, f.clock);
        DutyLeases secondDuties = new DutyLeases(other, n2, f.clock);
        try {
            assertEquals(true, firstDuties.hold(DutyLeases.RECONCILE));
            assertEquals(true, secondDuties.hold(DutyLeases.USAGE_LEDGER));
            assertEquals(false, secondDuties.hold(DutyLeases.RECONCILE));
            NodeServiceImpl nodes = new NodeServiceImpl(f.store, f.clock);
            assertEquals(List.of(DutyLeases.RECONCILE), node(nodes, "n1").duties());
            assertEquals(List.of(DutyLeases.USAGE_LEDGER), node(nodes, "n2").duties());

            first.abandon(); // n1 falls silent: no heartbeat, no renewal of its duty
            f.clock.advance(LEASE.plusSeconds(1));
            second.beat();
            assertEquals(true, secondDuties.hold(DutyLeases.USAGE_LEDGER));
            assertEquals(NodeState.DOWN, node(nodes, "n1").state());
            assertEquals(List.of(), node(nodes, "n1").duties());
            assertEquals(List.of(DutyLeases.USAGE_LEDGER), node(nodes, "n2").duties());
        } finally {
            second.stop();
        }
    }

    private Node node(NodeServiceImpl nodes, String name) {
        return nodes.list(PLATFORM).items().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }
}
