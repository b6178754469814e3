package org.mtmanager.firewall.nftables;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mtmanager.spi.firewall.FirewallSettings;
import org.mtmanager.spi.firewall.Nat64;
import org.mtmanager.spi.firewall.Policy;

/** The text nft is given: the whole table for a full sync, one line of element changes otherwise. */
final class NftScript {
    static final String TABLE = "inet mtm";
    static final String FWD4 = "fwd4";
    static final String FWD6 = "fwd6";
    /** Single source addresses: a hashed set, whose element changes cost the same at any size. */
    static final String HOST4 = "host4";
    static final String HOST6 = "host6";
    /**
     * Source blocks: interval sets. nft loads an interval set's elements to add or remove one (it checks for
     * overlaps), so their changes grow with their size; only real blocks go there.
     */
    static final String NET4 = "allow4";
    static final String NET6 = "allow6";

    private static final String V4_KEY = "ipv4_addr . ipv4_addr . inet_proto . inet_service";
    private static final String V6_KEY = "ipv6_addr . ipv6_addr . inet_proto . inet_service";
    private static final String MATCH4 = "ip saddr . ip daddr . meta l4proto . th dport @";
    private static final String MATCH6 = "ip6 saddr . ip6 daddr . meta l4proto . th dport @";

    private NftScript() {
    }

    /**
     * The whole table, replacing whatever was there in the same transaction (the leading {@code table} makes
     * the {@code delete} succeed on a first sync). Sets are declared with their elements, one pass each.
     */
    static String ruleset(FirewallSettings s, Policy policy) {
        Map<String, List<String>> e = elements(s, policy);
        StringBuilder t = new StringBuilder(64 * (policy.forwards().size() + policy.allows().size()) + 2048);
        t.append("table ").append(TABLE).append("\ndelete table ").append(TABLE).append("\ntable ").append(TABLE).append(" {\n");
        declare(t, "map", FWD4, "inet_proto . inet_service : ipv4_addr . inet_service", false, e.get(FWD4));
        declare(t, "map", FWD6, "inet_proto . inet_service : ipv6_addr . inet_service", false, e.get(FWD6));
        declare(t, "set", HOST4, V4_KEY, false, e.get(HOST4));
        declare(t, "set", NET4, V4_KEY, true, e.get(NET4));
        declare(t, "set", HOST6, V6_KEY, false, e.get(HOST6));
        declare(t, "set", NET6, V6_KEY, true, e.get(NET6));
        t.append("  chain prerouting {\n    type nat hook prerouting priority dstnat; policy accept;\n")
            .append("    ip daddr ").append(s.publicAddress()).append(" dnat ip to meta l4proto . th dport map @").append(FWD4).append('\n');
        s.publicAddress6().ifPresent(a -> t.append("    ip6 daddr ").append(a).append(" dnat ip6 to meta l4proto . th dport map @")
            .append(FWD6).append('\n'));
        t.append("  }\n  chain forward {\n    type filter hook forward priority filter; policy accept;\n")
            .append("    ip daddr ").append(s.internalNetwork()).append(" jump machines\n")
            .append("    ip6 daddr ").append(Nat64.embedNetwork(s.nat64Prefix(), s.internalNetwork())).append(" jump machines\n")
            .append("  }\n  chain machines {\n    ct state established,related accept\n");
        if (!s.sipEdge().isEmpty()) {
            t.append("    ip saddr ").append(s.sipEdge()).append(" meta l4proto { tcp, udp } th dport { 5060, 5061 } accept\n");
        }
        t.append("    ").append(MATCH4).append(HOST4).append(" accept\n    ").append(MATCH4).append(NET4).append(" accept\n    ")
            .append(MATCH6).append(HOST6).append(" accept\n    ").append(MATCH6).append(NET6).append(" accept\n    drop\n  }\n}\n");
        return t.toString();
    }

    /**
     * One line of {@code verb element} commands (one transaction), empty for nothing to do. {@code remove}
     * adds each element before deleting it: nft 1.0.6 has no "destroy", and so the delete succeeds whether or
     * not the element was there.
     */
    static String change(FirewallSettings s, Policy entries, boolean remove) {
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, List<String>> e : elements(s, entries).entrySet()) {
            if (!e.getValue().isEmpty()) {
                for (String verb : remove ? List.of("add", "delete") : List.of("add")) {
                    line.append(line.length() == 0 ? "" : "; ").append(verb).append(" element ").append(TABLE).append(' ')
                        .append(e.getKey()).append(" { ").append(String.join(", ", e.getValue())).append(" }");
                }
            }
        }
        return line.toString();
    }

    /** Each set's or map's elements, by its name. */
    static Map<String, List<String>> elements(FirewallSettings s, Policy p) {
        Map<String, List<String>> e = new LinkedHashMap<>();
        for (String name : List.of(FWD4, FWD6, HOST4, NET4, HOST6, NET6)) {
            e.put(name, new ArrayList<>());
        }
        boolean v6 = s.publicAddress6().isPresent();
        String prefix = s.nat64Prefix();
        for (Policy.Forward f : p.forwards()) {
            e.get(FWD4).add(f.protocol() + " . " + f.externalPort() + " : " + f.internalIp() + " . " + f.port());
            if (v6) {
                e.get(FWD6).add(f.protocol() + " . " + f.externalPort() + " : " + Nat64.embed(prefix, f.internalIp()) + " . " + f.port());
            }
        }
        for (Policy.Allow a : p.allows()) {
            String source = a.singleAddress() ? a.sourceAddress() : a.source();
            String machine = a.ipv6() ? Nat64.embed(prefix, a.internalIp()) : a.internalIp();
            String set = a.ipv6() ? (a.singleAddress() ? HOST6 : NET6) : (a.singleAddress() ? HOST4 : NET4);
            e.get(set).add(source + " . " + machine + " . " + a.protocol() + " . " + a.port());
        }
        return e;
    }

    private static void declare(StringBuilder t, String kind, String name, String type, boolean interval, Collection<String> elements) {
        t.append("  ").append(kind).append(' ').append(name).append(" {\n    type ").append(type).append('\n');
        if (interval) {
            t.append("    flags interval\n");
        }
        if (!elements.isEmpty()) {
            t.append("    elements = { ");
            boolean first = true;
            for (String el : elements) {
                t.append(first ? "" : ",\n      ").append(el);
                first = false;
            }
            t.append(" }\n");
        }
        t.append("  }\n");
    }
}
