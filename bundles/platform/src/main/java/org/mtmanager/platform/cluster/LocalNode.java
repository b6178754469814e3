package org.mtmanager.platform.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * This server node: its name among the nodes that share the platform's database, and how long its leases (on
 * jobs and on duties) last without a heartbeat. From {@code etc/org.mtmanager.node.cfg}: {@code name} (default
 * the host's name), {@code leaseSeconds} (default 10; a node silent for longer is DOWN and its leases are
 * free), {@code heartbeatSeconds} (default a third of the lease), {@code pollMillis} (default 1000: how often the
 * node looks for jobs that are free to claim: jobs of a node that died, retries that are due).
 */
@Component(service = LocalNode.class, configurationPid = "org.mtmanager.node")
public class LocalNode {
    private final String name;
    private final Duration lease;
    private final Duration heartbeat;
    private final Duration poll;

    @Activate
    public LocalNode(Map<String, Object> config) {
        this(text(config, "name", defaultName()), Duration.ofSeconds(number(config, "leaseSeconds", 10)),
            config.containsKey("heartbeatSeconds") ? Duration.ofSeconds(number(config, "heartbeatSeconds", 3)) : null,
            Duration.ofMillis(number(config, "pollMillis", 1000)));
    }

    /** @param heartbeat null for a third of the lease */
    public LocalNode(String name, Duration lease, Duration heartbeat) {
        this(name, lease, heartbeat, Duration.ofSeconds(1));
    }

    /** @param heartbeat null for a third of the lease */
    public LocalNode(String name, Duration lease, Duration heartbeat, Duration poll) {
        if (name == null || name.isBlank() || name.length() > 64) {
            throw new IllegalArgumentException("node name: 1 to 64 characters");
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("node leaseSeconds: at least 1");
        }
        this.name = name.strip();
        this.lease = lease;
        this.heartbeat = heartbeat != null ? heartbeat : lease.dividedBy(3);
        if (this.heartbeat.isNegative() || this.heartbeat.isZero() || this.heartbeat.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("node heartbeatSeconds: at least 1 and less than leaseSeconds");
        }
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("node pollMillis: at least 1");
        }
        this.poll = poll;
    }

    public static LocalNode named(String name) {
        return new LocalNode(name, Duration.ofSeconds(10), null);
    }

    public String name() {
        return name;
    }

    public Duration lease() {
        return lease;
    }

    public Duration heartbeat() {
        return heartbeat;
    }

    /** How often the node looks for jobs free to claim. */
    public Duration poll() {
        return poll;
    }

    private static String defaultName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node-1";
        }
    }

    private static String text(Map<String, Object> config, String key, String fallback) {
        Object v = config.get(key);
        return v == null || String.valueOf(v).isBlank() ? fallback : String.valueOf(v).strip();
    }

    private static long number(Map<String, Object> config, String key, long fallback) {
        Object v = config.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(String.valueOf(v).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("node " + key + ": a whole number of seconds, not " + v);
        }
    }
}
