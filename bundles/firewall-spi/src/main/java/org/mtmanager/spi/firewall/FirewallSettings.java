package org.mtmanager.spi.firewall;

import java.util.Map;
import java.util.Optional;

/**
 * Where and how the policy is enforced, from {@code etc/org.mtmanager.firewall.cfg}.
 *
 * @param publicAddress   the platform's public IPv4 address, where port forwards listen
 * @param internalNetwork the machines' addresses (a CIDR): traffic towards them is filtered, all else untouched
 * @param sipEdge         the address of the platform's own SIP path (a CIDR), the only source SIP may come from;
 *                        empty for none
 * @param namespace       the network namespace the rules live in (an edge router's); empty for the server's own
 * @param properties      every setting, for backend-specific ones
 */
public record FirewallSettings(String publicAddress, String internalNetwork, String sipEdge, String namespace,
                               Map<String, String> properties) {

    public FirewallSettings {
        properties = Map.copyOf(properties);
        sipEdge = sipEdge == null ? "" : sipEdge;
        namespace = namespace == null ? "" : namespace;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(properties.get(key));
    }
}
