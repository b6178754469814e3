package org.mtmanager.firewall.nftables;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.mtmanager.spi.firewall.FirewallBackend;
import org.mtmanager.spi.firewall.FirewallException;
import org.mtmanager.spi.firewall.FirewallSettings;
import org.mtmanager.spi.firewall.Policy;
import org.osgi.service.component.annotations.Component;

/** The policy as one nftables table (see the package documentation). */
@Component(service = FirewallBackend.class, property = FirewallBackend.TYPE_PROPERTY + "=nftables")
public class NftablesBackend implements FirewallBackend {
    static final String TABLE = "inet mtm";

    @Override
    public String type() {
        return "nftables";
    }

    @Override
    public List<String> problems(FirewallSettings s) {
        List<String> problems = new ArrayList<>();
        if (Nft.tool("nft") == null) {
            problems.add("nft is not installed (apt-get install -y nftables)");
        }
        if (Nft.tool("conntrack") == null) {
            problems.add("conntrack is not installed (apt-get install -y conntrack): revoking could not cut open connections");
        }
        if (!s.namespace().isEmpty() && !Files.exists(Path.of("/run/netns", s.namespace()))) {
            problems.add("network namespace " + s.namespace() + " does not exist");
        }
        if (!s.publicAddress().matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            problems.add("publicAddress must be an IPv4 address; got '" + s.publicAddress() + "'");
        }
        return problems;
    }

    @Override
    public void apply(FirewallSettings s, Policy policy) throws FirewallException {
        StringBuilder script = new StringBuilder("table ").append(TABLE).append('\n')
            .append("delete table ").append(TABLE).append('\n')
            .append("table ").append(TABLE).append(" {\n")
            .append("  map fwd4 {\n    type inet_proto . inet_service : ipv4_addr . inet_service\n")
            .append(elements(forwards(policy.forwards()))).append("  }\n")
            .append("  set allow4 {\n    type ipv4_addr . ipv4_addr . inet_proto . inet_service\n    flags interval\n")
            .append(elements(allows(policy.allows()))).append("  }\n")
            .append("  chain prerouting {\n    type nat hook prerouting priority dstnat; policy accept;\n")
            .append("    ip daddr ").append(s.publicAddress()).append(" dnat ip to meta l4proto . th dport map @fwd4\n  }\n")
            .append("  chain forward {\n    type filter hook forward priority filter; policy accept;\n")
            .append("    ip daddr ").append(s.internalNetwork()).append(" jump machines\n  }\n")
            .append("  chain machines {\n    ct state established,related accept\n");
        if (!s.sipEdge().isEmpty()) {
            script.append("    ip saddr ").append(s.sipEdge()).append(" meta l4proto { tcp, udp } th dport { 5060, 5061 } accept\n");
        }
        script.append("    ip saddr . ip daddr . meta l4proto . th dport @allow4 accept\n    drop\n  }\n}\n");
        Nft.ok(Nft.in(s, "nft", "-f", "-"), script.toString());
    }

    @Override
    public void add(FirewallSettings s, Policy entries) throws FirewallException {
        String script = change("add", entries);
        if (!script.isEmpty()) {
            Nft.ok(Nft.in(s, "nft", "-f", "-"), script);
        }
    }

    @Override
    public void remove(FirewallSettings s, Policy entries) throws FirewallException {
        // nft 1.0.6 has no "destroy": adding first makes the delete succeed whether or not the entry was there,
        // all in one transaction.
        String script = change("add", entries) + change("delete", entries);
        if (!script.isEmpty()) {
            Nft.ok(Nft.in(s, "nft", "-f", "-"), script);
        }
    }

    private static String change(String verb, Policy entries) {
        StringBuilder script = new StringBuilder();
        List<String> f = forwards(entries.forwards());
        if (!f.isEmpty()) {
            script.append(verb).append(" element ").append(TABLE).append(" fwd4 { ").append(String.join(", ", f)).append(" }\n");
        }
        List<String> a = allows(entries.allows());
        if (!a.isEmpty()) {
            script.append(verb).append(" element ").append(TABLE).append(" allow4 { ").append(String.join(", ", a)).append(" }\n");
        }
        return script.toString();
    }

    @Override
    public Policy installed(FirewallSettings s) throws FirewallException {
        Nft.Result table = Nft.run(Nft.in(s, "nft", "list", "tables"), "");
        if (table.exit() != 0) {
            throw new FirewallException("nft list tables failed: " + table.err().strip(), true);
        }
        if (!table.out().lines().anyMatch(l -> l.strip().equals("table " + TABLE))) {
            return Policy.EMPTY;
        }
        List<Policy.Forward> forwards = new ArrayList<>();
        for (String e : NftListing.elements(Nft.ok(Nft.in(s, "nft", "list", "map", "inet", "mtm", "fwd4"), ""))) {
            String[] kv = e.split(":");
            String[] k = kv[0].trim().split("\\s*\\.\\s*");
            String[] v = kv[1].trim().split("\\s+\\.\\s+");
            forwards.add(new Policy.Forward(k[0], Integer.parseInt(k[1]), v[0], Integer.parseInt(v[1])));
        }
        List<Policy.Allow> allows = new ArrayList<>();
        for (String e : NftListing.elements(Nft.ok(Nft.in(s, "nft", "list", "set", "inet", "mtm", "allow4"), ""))) {
            String[] p = e.trim().split("\\s+\\.\\s+");
            String source = p[0].contains("/") ? p[0] : p[0] + "/32";
            allows.add(new Policy.Allow(source, p[1], p[2], Integer.parseInt(p[3])));
        }
        return Policy.of(forwards, allows);
    }

    @Override
    public void cut(FirewallSettings s, Policy.Allow allow) throws FirewallException {
        if (allow.ipv6()) {
            return;
        }
        Nft.Result r = Nft.run(Nft.in(s, "conntrack", "-D", "-p", allow.protocol(), "--reply-src", allow.internalIp(),
            "--reply-port-src", Integer.toString(allow.port()), "--orig-src", allow.sourceAddress(), "--mask-src", allow.sourceMask()), "");
        // conntrack exits 1 when nothing matched: there was no connection to cut.
        if (r.exit() != 0 && !r.err().contains("0 flow entries")) {
            throw new FirewallException("conntrack -D failed: " + r.err().strip(), true);
        }
    }

    private static String elements(List<String> elements) {
        return elements.isEmpty() ? "" : "    elements = { " + String.join(",\n      ", elements) + " }\n";
    }

    private static List<String> forwards(Collection<Policy.Forward> forwards) {
        return forwards.stream().map(f -> f.protocol() + " . " + f.externalPort() + " : " + f.internalIp() + " . " + f.port())
            .collect(Collectors.toList());
    }

    /** IPv4 sources only: the machines' addresses are IPv4, so an IPv6 source can never reach them. */
    private static List<String> allows(Collection<Policy.Allow> allows) {
        return allows.stream().filter(a -> !a.ipv6())
            .map(a -> a.source() + " . " + a.internalIp() + " . " + a.protocol() + " . " + a.port())
            .collect(Collectors.toList());
    }
}
