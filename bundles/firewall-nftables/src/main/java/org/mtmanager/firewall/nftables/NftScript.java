package org.mtmanager.firewall.nftables;

import java.util.ArrayList;
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
        Map<String, List<Object>> e = partition(s, policy);
        StringBuilder t = new StringBuilder(48 * (policy.forwards().size() + policy.allows().size()) + 2048);
        t.append("table ").append(TABLE).append("\ndelete table ").append(TABLE).append("\ntable ").append(TABLE).append(" {\n");
        declare(t, s, "map", FWD4, "inet_proto . inet_service : ipv4_addr . inet_service", false, e.get(FWD4));
        declare(t, s, "map", FWD6, "inet_proto . inet_service : ipv6_addr . inet_service", false, e.get(FWD6));
        declare(t, s, "set", HOST4, V4_KEY, false, e.get(HOST4));
        declare(t, s, "set", NET4, V4_KEY, true, e.get(NET4));
        declare(t, s, "set", HOST6, V6_KEY, false, e.get(HOST6));
        declare(t, s, "set", NET6, V6_KEY, true, e.get(NET6));
        // Without a public address, forwards listen on every address of the edge's own (fib: the kernel's view).
        t.append("  chain prerouting {\n    type nat hook prerouting priority dstnat; policy accept;\n")
            .append(s.listensOnEveryLocalAddress() ? "    meta nfproto ipv4 fib daddr type local" : "    ip daddr " + s.publicAddress())
            .append(" dnat ip to meta l4proto . th dport map @").append(FWD4).append('\n');
        s.publicAddress6().ifPresent(a -> t.append("    ip6 daddr ").append(a).append(" dnat ip6 to meta l4proto . th dport map @")
            .append(FWD6).append('\n'));
        t.append("  }\n");
        if (s.masquerade()) {
            // Only what the forward chain admitted gets here; the machines' own network keeps its addresses.
            t.append("  chain postrouting {\n    type nat hook postrouting priority srcnat; policy accept;\n")
                .append("    ip daddr ").append(s.internalNetwork()).append(" ip saddr != ").append(s.internalNetwork())
                .append(" masquerade\n  }\n");
        }
        t.append("  chain forward {\n    type filter hook forward priority filter; policy accept;\n")
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
        for (Map.Entry<String, List<Object>> e : partition(s, entries).entrySet()) {
            if (!e.getValue().isEmpty()) {
                for (String verb : remove ? List.of("add", "delete") : List.of("add")) {
                    line.append(line.length() == 0 ? "" : "; ").append(verb).append(" element ").append(TABLE).append(' ')
                        .append(e.getKey()).append(" { ");
                    elements(line, s, e.getKey(), e.getValue(), ", ");
                    line.append(" }");
                }
            }
        }
        return line.toString();
    }

    /**
     * The entries by the set or map that holds them. Plain checks on the source text rather than {@link
     * Policy.Allow}'s helpers: a full sync sorts 20,000 and more, and this is most of its own time.
     */
    static Map<String, List<Object>> partition(FirewallSettings s, Policy p) {
        Map<String, List<Object>> e = new LinkedHashMap<>();
        for (String name : List.of(FWD4, FWD6, HOST4, NET4, HOST6, NET6)) {
            e.put(name, new ArrayList<>());
        }
        e.get(FWD4).addAll(p.forwards());
        if (s.publicAddress6().isPresent()) {
            e.get(FWD6).addAll(p.forwards());
        }
        for (Policy.Allow a : p.allows()) {
            boolean v6 = a.source().indexOf(':') >= 0;
            e.get(v6 ? (single(a.source(), 128) ? HOST6 : NET6) : (single(a.source(), 32) ? HOST4 : NET4)).add(a);
        }
        return e;
    }

    private static boolean single(String source, int full) {
        int slash = source.indexOf('/');
        return slash < 0 || Integer.parseInt(source, slash + 1, source.length(), 10) == full;
    }

    /** Appends the elements of set or map {@code name}, written straight into {@code t} (no string per element). */
    private static void elements(StringBuilder t, FirewallSettings s, String name, List<Object> entries, String separator) {
        boolean first = true;
        for (Object o : entries) {
            t.append(first ? "" : separator);
            first = false;
            if (o instanceof Policy.Forward f) {
                t.append(f.protocol()).append(" . ").append(f.externalPort()).append(" : ")
                    .append(name.equals(FWD6) ? Nat64.embed(s.nat64Prefix(), f.internalIp()) : f.internalIp()).append(" . ").append(f.port());
            } else {
                Policy.Allow a = (Policy.Allow) o;
                String source = a.source();
                int slash = source.indexOf('/');
                if (name.equals(HOST4) || name.equals(HOST6)) {
                    t.append(source, 0, slash < 0 ? source.length() : slash);
                } else {
                    t.append(source);
                }
                t.append(" . ").append(name.endsWith("6") ? Nat64.embed(s.nat64Prefix(), a.internalIp()) : a.internalIp())
                    .append(" . ").append(a.protocol()).append(" . ").append(a.port());
            }
        }
    }

    private static void declare(StringBuilder t, FirewallSettings s, String kind, String name, String type, boolean interval,
                                List<Object> entries) {
        t.append("  ").append(kind).append(' ').append(name).append(" {\n    type ").append(type).append('\n');
        if (interval) {
            t.append("    flags interval\n");
        }
        if (!entries.isEmpty()) {
            t.append("    elements = { ");
            elements(t, s, name, entries, ",\n      ");
            t.append(" }\n");
        }
        t.append("  }\n");
    }
}
