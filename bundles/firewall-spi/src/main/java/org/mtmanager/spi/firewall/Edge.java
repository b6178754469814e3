package org.mtmanager.spi.firewall;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the edge (the server, or the namespace that holds the rules) must offer for the rules to carry packets,
 * whichever backend writes them: forwarding switched on, and the public address being one of its own. Rules
 * install without these, which is why they are checked apart: each missing one is a problem with its remedy,
 * and none of them keeps the platform from installing its rules.
 */
public final class Edge {
    private static final Pattern INET = Pattern.compile("\\binet (\\d{1,3}(?:\\.\\d{1,3}){3})/");
    private static final List<String> DOCUMENTATION = List.of("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24");

    private Edge() {
    }

    /** What the checks read of the edge. */
    public interface Probe {
        /** Whether the edge forwards IPv4 ({@code ipv6 = false}) or IPv6 packets. */
        boolean forwards(boolean ipv6) throws FirewallException;

        /** The edge's IPv4 addresses beyond loopback, in the order of its interfaces. */
        List<String> addresses() throws FirewallException;
    }

    /**
     * The probe of the settings' edge: the server's own, read without a process, or a namespace's, read with
     * {@code ip netns exec}. Only local state is read; nothing is ever sent to the public address.
     */
    public static Probe of(FirewallSettings s) {
        return s.namespace().isEmpty() ? new OwnNamespace() : new OtherNamespace(s.namespace());
    }

    /** Every precondition of the edge that does not hold, each with its remedy; empty when all hold. */
    public static List<String> problems(FirewallSettings s, Probe probe) {
        List<String> problems = new ArrayList<>();
        String where = s.namespace().isEmpty() ? "on this server" : "in network namespace " + s.namespace();
        String exec = s.namespace().isEmpty() ? "" : "ip netns exec " + s.namespace() + " ";
        try {
            if (!probe.forwards(false)) {
                problems.add("IPv4 forwarding is off " + where + ", so port forwards and grants carry no packets to the machines"
                    + " (run bin/mtm-host-setup, or " + exec + "sysctl -w net.ipv4.ip_forward=1 and keep it in /etc/sysctl.d)");
            }
            if (s.publicAddress6().isPresent() && !probe.forwards(true)) {
                problems.add("IPv6 forwarding is off " + where + ", so the forwards on publicAddress6 carry no packets ("
                    + exec + "sysctl -w net.ipv6.conf.all.forwarding=1 and keep it in /etc/sysctl.d)");
            }
            List<String> own = probe.addresses().stream().filter(a -> !inside(a, s.internalNetwork())).toList();
            if (s.listensOnEveryLocalAddress()) {
                if (own.isEmpty()) {
                    problems.add("there is no IPv4 address " + where + " beyond loopback and the machines' network, so port"
                        + " forwards have nowhere to listen (give the server an address, or set publicAddress in"
                        + " etc/org.mtmanager.firewall.cfg)");
                }
            } else if (!probe.addresses().contains(s.publicAddress())) {
                boolean example = DOCUMENTATION.stream().anyMatch(block -> inside(s.publicAddress(), block));
                problems.add("publicAddress " + s.publicAddress() + " is not an address " + where
                    + (example ? " (it is documentation space, an example)" : "") + ", so port forwards there are never reached"
                    + " (in etc/org.mtmanager.firewall.cfg set publicAddress to "
                    + (own.isEmpty() ? "an address of this server" : "one of " + String.join(", ", own))
                    + ", or leave it empty to forward on every address of this server)");
            }
        } catch (FirewallException e) {
            problems.add("cannot check the edge " + where + ": " + e.getMessage());
        }
        return problems;
    }

    /** Where clients reach the port forwards: the configured public address, or else the edge's first own one. */
    public static String publicAddress(FirewallSettings s, Probe probe) {
        if (!s.listensOnEveryLocalAddress()) {
            return s.publicAddress();
        }
        try {
            return probe.addresses().stream().filter(a -> !inside(a, s.internalNetwork())).findFirst().orElse("");
        } catch (FirewallException e) {
            return "";
        }
    }

    /** Whether IPv4 address {@code a} lies in {@code cidr} (false for anything that is not IPv4). */
    static boolean inside(String a, String cidr) {
        String[] block = cidr.split("/");
        Optional<Long> address = ipv4(a);
        Optional<Long> base = ipv4(block[0]);
        if (address.isEmpty() || base.isEmpty()) {
            return false;
        }
        int length = block.length == 2 && block[1].matches("\\d{1,2}") ? Math.min(32, Integer.parseInt(block[1])) : 32;
        long mask = length == 0 ? 0 : (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
        return (address.get() & mask) == (base.get() & mask);
    }

    private static Optional<Long> ipv4(String text) {
        String[] octets = text.split("\\.");
        if (octets.length != 4) {
            return Optional.empty();
        }
        long v = 0;
        for (String o : octets) {
            if (!o.matches("\\d{1,3}") || Integer.parseInt(o) > 255) {
                return Optional.empty();
            }
            v = (v << 8) | Integer.parseInt(o);
        }
        return Optional.of(v);
    }

    private static String sysctl(boolean ipv6) {
        return ipv6 ? "/proc/sys/net/ipv6/conf/all/forwarding" : "/proc/sys/net/ipv4/ip_forward";
    }

    /** The server's own namespace, the one this process lives in. */
    private static final class OwnNamespace implements Probe {
        @Override
        public boolean forwards(boolean ipv6) throws FirewallException {
            try {
                return Files.readString(Path.of(sysctl(ipv6))).strip().equals("1");
            } catch (IOException e) {
                throw new FirewallException("cannot read " + sysctl(ipv6) + ": " + e.getMessage(), true, e);
            }
        }

        @Override
        public List<String> addresses() throws FirewallException {
            try {
                List<String> all = new ArrayList<>();
                for (NetworkInterface i : NetworkInterface.networkInterfaces()
                    .sorted(Comparator.comparingInt(NetworkInterface::getIndex)).toList()) {
                    for (InetAddress a : i.inetAddresses().toList()) {
                        if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                            all.add(a.getHostAddress());
                        }
                    }
                }
                return all;
            } catch (SocketException e) {
                throw new FirewallException("cannot list the server's addresses: " + e.getMessage(), true, e);
            }
        }
    }

    /** Another namespace, read through {@code ip netns exec}. */
    private static final class OtherNamespace implements Probe {
        private final String namespace;

        OtherNamespace(String namespace) {
            this.namespace = namespace;
        }

        @Override
        public boolean forwards(boolean ipv6) throws FirewallException {
            requireIp();
            return Commands.ok(Commands.in(namespace, "cat", sysctl(ipv6)), "").strip().equals("1");
        }

        @Override
        public List<String> addresses() throws FirewallException {
            requireIp();
            List<String> all = new ArrayList<>();
            for (String line : Commands.ok(Commands.in(namespace, "ip", "-4", "-o", "addr", "show"), "").lines().toList()) {
                Matcher m = INET.matcher(line);
                if (m.find() && !line.contains(" scope host ")) {
                    all.add(m.group(1));
                }
            }
            return all;
        }

        private static void requireIp() throws FirewallException {
            if (Commands.tool("ip") == null) {
                throw new FirewallException("ip is not installed (apt-get install -y iproute2)", false);
            }
        }
    }
}
