package org.mtmanager.hypervisor.container;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.mtmanager.spi.hypervisor.DriverException;
import org.mtmanager.spi.hypervisor.HostSettings;

/**
 * Where a container host keeps things, from its settings: the state directory, the bridge, the internal network
 * and the prefix of the machines' namespace names. The defaults suit the one host of a newcomer's server.
 *
 * @param prefixLength    the internal network's prefix length (the bridge holds its first address)
 * @param bridgeNamespace the network namespace the bridge lives in (an edge router's); empty for the server's own
 * @param routeOut        whether machines get a default route through the bridge's address, so that they answer
 *                        clients beyond it themselves (off by default: then a machine reaches its bridge and nothing
 *                        else, and the firewall's masquerade brings its replies back through the bridge's namespace)
 * @param enforceLimits   whether each machine is held to its resource plan by a control group (on by default; a
 *                        host without the cgroup controllers must turn it off explicitly to run machines at all)
 */
record HostLayout(Path stateDir, String bridge, String gateway, int prefixLength, String namespacePrefix,
                  String bridgeNamespace, boolean routeOut, boolean enforceLimits) {

    static final String DEFAULT_NETWORK = "10.100.0.0/16";

    static HostLayout of(HostSettings host) throws DriverException {
        Path stateDir = Path.of(host.get("stateDir").orElse(
            System.getProperty("karaf.data", "/var/lib/mtm") + "/mtm/containers/" + host.name())).toAbsolutePath();
        if (stateDir.toString().contains("'")) {
            throw new DriverException("host " + host.name() + ": stateDir must not contain a quote", false);
        }
        String bridge = host.get("bridge").orElse("mtmbr0");
        if (!bridge.matches("[A-Za-z0-9_.-]{1,15}")) {
            throw new DriverException("host " + host.name() + ": bridge must be an interface name of 1 to 15 letters, digits, '_', '.' or '-'", false);
        }
        String prefix = host.get("namespacePrefix").orElse("mtm-");
        if (!prefix.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new DriverException("host " + host.name() + ": namespacePrefix must be 1 to 32 letters, digits, '_' or '-'", false);
        }
        String network = host.get("network").orElse(DEFAULT_NETWORK);
        int[] parsed = parseCidr(network);
        if (parsed == null || parsed[4] < 8 || parsed[4] > 30) {
            throw new DriverException("host " + host.name() + ": network must be an IPv4 CIDR from /8 to /30, like " + DEFAULT_NETWORK, false);
        }
        long base = toLong(parsed) & (0xFFFFFFFFL << (32 - parsed[4]));
        String bridgeNamespace = host.get("bridgeNamespace").orElse("");
        if (!bridgeNamespace.isEmpty() && !bridgeNamespace.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new DriverException("host " + host.name() + ": bridgeNamespace must be a network namespace name", false);
        }
        return new HostLayout(stateDir, bridge, dotted(base + 1), parsed[4], prefix, bridgeNamespace,
            flag(host, "routeOut", false), flag(host, "enforceLimits", true));
    }

    private static boolean flag(HostSettings host, String key, boolean otherwise) throws DriverException {
        String value = host.get(key).orElse(Boolean.toString(otherwise)).strip();
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new DriverException("host " + host.name() + ": " + key + " must be true or false", false);
        }
        return Boolean.parseBoolean(value);
    }

    /** An ip command in the bridge's namespace. */
    List<String> ipOnBridgeSide(String... args) {
        List<String> c = new ArrayList<>(List.of("ip"));
        if (!bridgeNamespace.isEmpty()) {
            c.addAll(List.of("-n", bridgeNamespace));
        }
        c.addAll(List.of(args));
        return c;
    }

    /** Whether a link exists on the bridge's side. */
    boolean linkExists(String name) {
        if (bridgeNamespace.isEmpty()) {
            return Files.exists(Path.of("/sys/class/net", name));
        }
        try {
            Commands.run(ipOnBridgeSide("link", "show", name));
            return true;
        } catch (DriverException e) {
            return false;
        }
    }

    Path machineDir(String machineId) {
        return stateDir.resolve(machineId);
    }

    String namespace(String machineId) {
        return namespacePrefix + machineId;
    }

    /** The veth's end on the bridge: interface names have at most 15 characters, so it is named by a hash. */
    String vethName(String machineId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest(namespace(machineId).getBytes(StandardCharsets.UTF_8));
            return "mtv" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static int[] parseCidr(String cidr) {
        String[] parts = cidr.split("/");
        if (parts.length != 2 || !parts[0].matches("\\d{1,3}(\\.\\d{1,3}){3}") || !parts[1].matches("\\d{1,2}")) {
            return null;
        }
        String[] octets = parts[0].split("\\.");
        int[] out = new int[5];
        for (int i = 0; i < 4; i++) {
            out[i] = Integer.parseInt(octets[i]);
            if (out[i] > 255) {
                return null;
            }
        }
        out[4] = Integer.parseInt(parts[1]);
        return out;
    }

    private static long toLong(int[] o) {
        return ((long) o[0] << 24) | (o[1] << 16) | (o[2] << 8) | o[3];
    }

    private static String dotted(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }
}
