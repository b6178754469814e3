package org.mtmanager.machine;

import java.time.Clock;
import java.time.Duration;

import org.mtmanager.platform.cluster.LocalNode;
import org.mtmanager.platform.cluster.NodeMembership;
import org.mtmanager.store.Store;

/** A server node for tests: its row (heartbeating) and its job engine, on a store. */
final class TestNode {
    final NodeMembership membership;
    final JobEngine engine;

    private TestNode(NodeMembership membership, JobEngine engine) {
        this.membership = membership;
        this.engine = engine;
    }

    /** Node "n1" on the system clock with the default retry policy. */
    static TestNode start(Store store, Infrastructure infra) {
        return start(store, infra, Clock.systemUTC(), RetryPolicy.DEFAULT, LocalNode.named("n1"));
    }

    static TestNode start(Store store, Infrastructure infra, Clock clock, RetryPolicy policy, LocalNode node) {
        return start(store, infra, clock, policy, node, DeletionSteps.none());
    }

    /** Node "n1" whose deletions wait for these steps, as the installed bundles' would. */
    static TestNode start(Store store, Infrastructure infra, DeletionSteps deletions) {
        return start(store, infra, Clock.systemUTC(), RetryPolicy.DEFAULT, LocalNode.named("n1"), deletions);
    }

    static TestNode start(Store store, Infrastructure infra, Clock clock, RetryPolicy policy, LocalNode node,
                          DeletionSteps deletions) {
        NodeMembership membership = new NodeMembership(store, node, clock, node.name() + ":8181", "test");
        return new TestNode(membership, new JobEngine(store, infra, clock, policy, membership, deletions));
    }

    /** A clean stop, as when the platform shuts down. */
    void stop() throws InterruptedException {
        engine.stop(Duration.ofSeconds(30));
        membership.stop();
    }

    /** As a node whose process died: no more heartbeats or claims; a worker still under way writes under its fence. */
    void die() throws InterruptedException {
        engine.abandon();
        membership.abandon();
    }
}
