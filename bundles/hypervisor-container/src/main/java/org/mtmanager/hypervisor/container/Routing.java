package org.mtmanager.hypervisor.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.mtmanager.spi.hypervisor.DriverException;

/**
 * How a host's machines are reached from beyond it. They have no route out (unless {@code routeOut}), so clients
 * reach them through the namespace that holds their bridge, which must forward IPv4; the firewall's masquerade
 * brings the replies back. Without forwarding a machine answers nobody beyond the server, so a host that does
 * not forward takes no machines, and says how to fix it.
 */
final class Routing {
    private static final String IP_FORWARD = "/proc/sys/net/ipv4/ip_forward";

    private Routing() {
    }

    /** The problem of a host whose bridge's namespace reads {@code ipForward} for IPv4 forwarding, if any. */
    static Optional<String> problem(HostLayout layout, String hostName, String ipForward) {
        if (ipForward.strip().equals("1")) {
            return Optional.empty();
        }
        String ns = layout.bridgeNamespace();
        return Optional.of("IPv4 forwarding is off " + (ns.isEmpty() ? "on this server" : "in network namespace " + ns
            + ", where the bridge of host " + hostName + " is") + ", so its machines answer nobody beyond it: port forwards and"
            + " grants cannot reach them (run bin/mtm-host-setup, or " + (ns.isEmpty() ? "" : "ip netns exec " + ns + " ")
            + "sysctl -w net.ipv4.ip_forward=1 and keep it in /etc/sysctl.d)");
    }

    /** The problem of this host as it is now, if any. */
    static Optional<String> problem(HostLayout layout, String hostName) throws DriverException {
        return problem(layout, hostName, read(layout));
    }

    private static String read(HostLayout layout) throws DriverException {
        if (layout.bridgeNamespace().isEmpty()) {
            try {
                return Files.readString(Path.of(IP_FORWARD));
            } catch (IOException e) {
                throw new DriverException("cannot read " + IP_FORWARD + ": " + e.getMessage(), true, e);
            }
        }
        return Commands.run(List.of("ip", "netns", "exec", layout.bridgeNamespace(), "cat", IP_FORWARD));
    }
}
