package org.mtmanager.spi.firewall;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where and how the policy is enforced, from {@code etc/org.mtmanager.firewall.cfg}.
 *
 * @param publicAddress   the platform's public IPv4 address, where port forwards listen; empty (the shipped default)
 *                        for every address of the edge itself (see {@link #listensOnEveryLocalAddress()})
 * @param internalNetwork the machines' addresses (a CIDR): traffic towards them is filtered, all else untouched
 * @param sipEdge         the address of the platform's own SIP path (a CIDR), the only source SIP may come from;
 *                        empty for none
 * @param namespace       the network namespace the rules live in (an edge router's); empty for the server's own
 * @param properties      every setting, for backend-specific ones; {@code publicAddress6} (the edge's public IPv6
 *                        address, where port forwards also listen; empty for none) and {@code nat64Prefix} (the /96
 *                        under which the edge's NAT64 translator presents the machines; 64:ff9b::/96) are shared
 *                        by the backends
 */
public record FirewallSettings(String publicAddress, String internalNetwork, String sipEdge, String namespace,
                               Map<String, String> properties) {

    public FirewallSettings {
        properties = Map.copyOf(properties);
        publicAddress = publicAddress == null ? "" : publicAddress.strip();
        sipEdge = sipEdge == null ? "" : sipEdge;
        namespace = namespace == null ? "" : namespace;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    /** Whether port forwards listen on every address the edge has (no {@code publicAddress} set). */
    public boolean listensOnEveryLocalAddress() {
        return publicAddress.isEmpty();
    }

    /**
     * Whether connections admitted into the internal network from outside it take the edge's own address there as
     * their source (setting {@code masquerade}, on by default). Machines without a route out (a container host's
     * default, {@code routeOut = false}) can answer only their own network, so without it a client beyond the edge
     * never gets a reply; turn it off where the machines route their replies back through the edge themselves and
     * should see the clients' own addresses.
     */
    public boolean masquerade() {
        return !get("masquerade").map(String::strip).orElse("true").equalsIgnoreCase("false");
    }

    /** What is wrong with the IPv4 settings, if anything (for a backend's {@code problems}). */
    public List<String> ipv4Problems() {
        List<String> problems = new ArrayList<>();
        if (!publicAddress.isEmpty() && !publicAddress.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            problems.add("publicAddress must be an IPv4 address, or empty for every address of this server; got '" + publicAddress + "'");
        }
        String masquerade = get("masquerade").map(String::strip).orElse("true");
        if (!masquerade.equalsIgnoreCase("true") && !masquerade.equalsIgnoreCase("false")) {
            problems.add("masquerade must be true or false; got '" + masquerade + "'");
        }
        return problems;
    }

    /** The edge's public IPv6 address, if IPv6 clients may use the port forwards. */
    public Optional<String> publicAddress6() {
        return get("publicAddress6").map(String::strip).filter(a -> !a.isEmpty());
    }

    /** The NAT64 prefix the machines are reached under over IPv6 (see {@link Nat64}). */
    public String nat64Prefix() {
        return get("nat64Prefix").map(String::strip).filter(a -> !a.isEmpty()).orElse(Nat64.WELL_KNOWN_PREFIX);
    }

    /** What is wrong with the IPv6 settings, if anything (for a backend's {@code problems}). */
    public List<String> ipv6Problems() {
        List<String> problems = new ArrayList<>();
        if (!Nat64.valid(nat64Prefix())) {
            problems.add("nat64Prefix must be an IPv6 /96, such as 64:ff9b::/96; got '" + nat64Prefix() + "'");
        }
        publicAddress6().filter(a -> !a.matches("[0-9A-Fa-f:]+") || !a.contains(":"))
            .ifPresent(a -> problems.add("publicAddress6 must be an IPv6 address; got '" + a + "'"));
        return problems;
    }
}
