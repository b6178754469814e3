package org.mtmanager.spi.sipedge;

import java.util.List;
import java.util.Map;

/**
 * How the edge runs ({@code etc/org.mtmanager.sipedge.cfg}).
 *
 * @param sipAddresses    the addresses carriers send to; empty for every IPv4 address of this server when the
 *                        edge starts
 * @param sipPort         the SIP port on those addresses (UDP and TCP)
 * @param internalAddress this server's address on the machines' network, which the edge relays calls from (a
 *                        machine answers only its own network, and only the edge); empty to relay from the
 *                        carriers' address
 * @param internalNetwork the machines' network (a CIDR), whose in-dialog requests the edge takes too
 * @param machinePort     the port a machine's PBX takes SIP on
 * @param controlPort     the loopback port of the edge's control interface (the platform's only way in)
 * @param stateDir        where the backend keeps the edge's rendered configuration, table and log
 * @param floodLimit      requests per second that an unlisted source may send before the edge stops answering it
 * @param properties      the configuration as it was given, for a backend's own keys
 */
public record EdgeSettings(List<String> sipAddresses, int sipPort, String internalAddress, String internalNetwork, int machinePort, int controlPort,
                           String stateDir, int floodLimit, Map<String, String> properties) {
    public EdgeSettings {
        sipAddresses = List.copyOf(sipAddresses);
        internalAddress = internalAddress == null ? "" : internalAddress;
        internalNetwork = internalNetwork == null ? "" : internalNetwork;
        properties = Map.copyOf(properties);
    }
}
