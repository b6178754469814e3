package org.mtmanager.platform.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.mtmanager.api.node.NodeState;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.NodeEntity;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's row among the nodes: written UP when the node starts (and the leases a previous life of this node
 * left are given back, since no worker of that life runs any more), renewed every heartbeat, and STOPPED with its
 * leases given back at a clean stop. Configured with the node ({@code etc/org.mtmanager.node.cfg}): {@code
 * address} (default the host's name, with the HTTP port when the framework names it).
 */
@Component(service = NodeMembership.class, immediate = true, configurationPid = "org.mtmanager.node")
public class NodeMembership {
    private static final Logger LOG = LoggerFactory.getLogger(NodeMembership.class);

    private final Store store;
    private final LocalNode node;
    private final Clock clock;
    private final JobLeases leases;
    private final ScheduledExecutorService heartbeat;

    @Activate
    public NodeMembership(@Reference Store store, @Reference LocalNode node, BundleContext context, Map<String, Object> config) {
        this(store, node, Clock.systemUTC(), address(config, context.getProperty("org.osgi.service.http.port")),
            context.getBundle().getVersion().toString());
    }

    public NodeMembership(Store store, LocalNode node, Clock clock, String address, String version) {
        this.store = store;
        this.node = node;
        this.clock = clock;
        this.leases = new JobLeases(node, clock);
        Instant now = clock.instant();
        int released = store.write(em -> {
            NodeEntity n = em.find(NodeEntity.class, node.name());
            if (n == null) {
                n = new NodeEntity();
                n.setName(node.name());
                em.persist(n);
            }
            n.setState(NodeState.UP.name());
            n.setStartedAt(now);
            n.setHeartbeatAt(now);
            n.setLeaseUntil(now.plus(node.lease()));
            n.setAddress(address);
            n.setPlatformVersion(version);
            return leases.releaseAll(em);
        });
        if (released > 0) {
            LOG.info("node {} is up; {} job lease(s) of its previous run are free again", node.name(), released);
        }
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mtm-node-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = node.heartbeat().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    public LocalNode node() {
        return node;
    }

    /** One heartbeat: the node's row says it lives for another lease. */
    void beat() {
        try {
            Instant now = clock.instant();
            store.writing(em -> {
                NodeEntity n = em.find(NodeEntity.class, node.name());
                if (n != null) {
                    n.setState(NodeState.UP.name());
                    n.setHeartbeatAt(now);
                    n.setLeaseUntil(now.plus(node.lease()));
                }
            });
        } catch (RuntimeException e) {
            // The next beat tries again; a scheduled task that throws would never run again.
            LOG.warn("node {}: its heartbeat could not be written; after {} without one, other nodes take its jobs over",
                node.name(), node.lease(), e);
        }
    }

    /** A clean stop: the row says STOPPED, and every job lease of this node is free for the others at once. */
    @Deactivate
    public void stop() throws InterruptedException {
        abandon();
        Instant now = clock.instant();
        int released = store.write(em -> {
            NodeEntity n = em.find(NodeEntity.class, node.name());
            if (n != null) {
                n.setState(NodeState.STOPPED.name());
                n.setHeartbeatAt(now);
            }
            return leases.releaseAll(em);
        });
        LOG.info("node {} stopped; {} job lease(s) given back", node.name(), released);
    }

    /**
     * Stops heartbeating and leaves the row as it is, as a node that dies leaves it: after its lease it is DOWN.
     * A clean stop does this first.
     */
    public void abandon() throws InterruptedException {
        heartbeat.shutdown();
        heartbeat.awaitTermination(10, TimeUnit.SECONDS);
    }

    static String address(Map<String, Object> config, String httpPort) {
        Object configured = config.get("address");
        if (configured != null && !String.valueOf(configured).isBlank()) {
            return String.valueOf(configured).strip();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return httpPort == null || httpPort.isBlank() ? host : host + ":" + httpPort.strip();
    }
}
