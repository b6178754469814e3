package org.mtmanager.sipedge;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mtmanager.api.MtmException;
import org.mtmanager.platform.util.Cidr;
import org.mtmanager.spi.sipedge.EdgeSettings;

/**
 * {@code etc/org.mtmanager.sipedge.cfg} read into the backend's settings: {@code enabled}, {@code backend}, {@code
 * sipAddress} (comma-separated; empty for every IPv4 address of this server), {@code sipPort}, {@code
 * internalAddress}, {@code internalNetwork}, {@code machinePort}, {@code controlPort}, {@code floodLimit}, {@code
 * stateDir}, {@code checkSeconds}, and the backend's own keys. A bad value is refused by name, and the edge keeps
 * its previous settings.
 */
record EdgeConfiguration(boolean enabled, String backend, long checkSeconds, EdgeSettings settings) {

    static EdgeConfiguration of(Map<String, ?> config) {
        Map<String, String> p = new HashMap<>();
        config.forEach((k, v) -> p.put(k, String.valueOf(v).strip()));
        List<String> addresses = Arrays.stream(p.getOrDefault("sipAddress", "").split(",")).map(String::strip)
            .filter(a -> !a.isEmpty()).toList();
        addresses.forEach(a -> address("sipAddress", a));
        String internal = p.getOrDefault("internalAddress", "10.100.0.1");
        if (!internal.isEmpty()) {
            address("internalAddress", internal);
        }
        String network = p.getOrDefault("internalNetwork", "10.100.0.0/16");
        if (!network.isEmpty()) {
            network = Cidr.parse("internalNetwork", network).toString();
        }
        String stateDir = p.getOrDefault("stateDir", "");
        if (stateDir.isEmpty()) {
            stateDir = Path.of(System.getProperty("karaf.data", "data"), "mtm", "sip-edge").toString();
        }
        EdgeSettings settings = new EdgeSettings(addresses, port(p, "sipPort", 5060), internal, network, port(p, "machinePort", 5060),
            port(p, "controlPort", 5071), stateDir, number(p, "floodLimit", 20, 1, 1_000_000), p);
        return new EdgeConfiguration(!"false".equalsIgnoreCase(p.getOrDefault("enabled", "true")),
            p.getOrDefault("backend", "kamailio"), number(p, "checkSeconds", 5, 1, 3600), settings);
    }

    /** Where carriers reach the edge, for its status. */
    List<String> listen() {
        EdgeSettings s = settings;
        if (s.sipAddresses().isEmpty()) {
            return List.of("every IPv4 address of this server, port " + s.sipPort());
        }
        return s.sipAddresses().stream().map(a -> (a.indexOf(':') >= 0 ? "[" + a + "]" : a) + ":" + s.sipPort()).toList();
    }

    private static void address(String field, String value) {
        if (value.contains("/") || Cidr.literal(value) == null) {
            throw MtmException.invalid(field, "must be an IP address of this server, such as 192.0.2.10 (not " + value + ")");
        }
    }

    private static int port(Map<String, String> p, String key, int fallback) {
        return number(p, key, fallback, 1, 65_535);
    }

    private static int number(Map<String, String> p, String key, int fallback, int min, int max) {
        String v = p.getOrDefault(key, "");
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw MtmException.invalid(key, "must be a whole number from " + min + " to " + max + " (not " + v + ")");
    }
}
