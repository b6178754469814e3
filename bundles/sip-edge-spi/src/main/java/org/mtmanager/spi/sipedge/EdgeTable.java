package org.mtmanager.spi.sipedge;

import java.util.List;
import java.util.Map;

/**
 * Everything an edge routes by.
 *
 * @param generation names this load; the edge reports it back ({@link EdgeState#generation()}) until the next
 * @param carriers   the sources admitted (addresses and CIDRs)
 * @param routes     prefix digits (E.164 without the {@code +}) to the target machine's internal IPv4 address
 */
public record EdgeTable(String generation, List<String> carriers, Map<String, String> routes) {
    public EdgeTable {
        carriers = List.copyOf(carriers);
        routes = Map.copyOf(routes);
    }
}
