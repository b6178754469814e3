package org.mtmanager.firewall.iptables;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mtmanager.spi.firewall.BackendSupport;
import org.mtmanager.spi.firewall.Commands;
import org.mtmanager.spi.firewall.FirewallBackend;
import org.mtmanager.spi.firewall.FirewallException;
import org.mtmanager.spi.firewall.FirewallSettings;
import org.mtmanager.spi.firewall.Nat64;
import org.mtmanager.spi.firewall.Policy;
import org.osgi.service.component.annotations.Component;

/** The policy as iptables and ip6tables chains of the platform's own (see the package documentation). */
@Component(service = FirewallBackend.class, property = FirewallBackend.TYPE_PROPERTY + "=iptables")
public class IptablesBackend implements FirewallBackend {
    static final String NAT = "MTM-PREROUTING";
    static final String FILTER = "MTM-FORWARD";
    /** IPv4 only: where admitted connections into the internal network are masqueraded (setting masquerade). */
    static final String SNAT = "MTM-POSTROUTING";
    /** Without a public address, forwards listen on every address of the edge's own. */
    private static final String LOCAL = "-m addrtype --dst-type LOCAL";
    private static final Pattern DNAT = Pattern.compile(
        "-A " + NAT + " (?:-d \\S+ )?-p (\\w+) (?:" + LOCAL + " )?-m \\w+ --dport (\\d+) -j DNAT --to-destination (?:\\[([0-9a-f:]+)]|([\\d.]+)):(\\d+)");
    private static final Pattern ALLOW = Pattern.compile(
        "-A " + FILTER + " -s (\\S+) -d ([0-9a-f.:]+)/(?:32|128) -p (\\w+) -m \\w+ --dport (\\d+) -j ACCEPT");

    /** One address family: its tools, and which entries are its own. */
    private enum Family {
        V4("iptables", "iptables-restore"), V6("ip6tables", "ip6tables-restore");

        final String tool;
        final String restore;

        Family(String tool, String restore) {
            this.tool = tool;
            this.restore = restore;
        }

        Predicate<Policy.Allow> owns() {
            return a -> a.ipv6() == (this == V6);
        }

        /** The machine as this family reaches it: its IPv4 address, or its NAT64 address. */
        String machine(FirewallSettings s, String ipv4) {
            return this == V4 ? ipv4 : Nat64.embed(s.nat64Prefix(), ipv4);
        }

        /** Whether port forwards listen in this family (IPv6 only with a public IPv6 address). */
        boolean forwards(FirewallSettings s) {
            return this == V4 || s.publicAddress6().isPresent();
        }
    }

    @Override
    public String type() {
        return "iptables";
    }

    @Override
    public List<String> problems(FirewallSettings s) {
        List<String> problems = new ArrayList<>();
        for (Family f : Family.values()) {
            if (Commands.tool(f.restore) == null) {
                problems.add(f.restore + " is not installed (apt-get install -y iptables)");
            }
        }
        problems.addAll(BackendSupport.problems(s));
        return problems;
    }

    /** One restore per family; each redeclares (and so empties) the platform's chains in its own transaction. */
    @Override
    public void apply(FirewallSettings s, Policy policy) throws FirewallException {
        for (Family f : Family.values()) {
            StringBuilder nat = new StringBuilder("*nat\n:" + NAT + " - [0:0]\n");
            if (!exists(s, f, "nat", "PREROUTING", "-j", NAT)) {
                nat.append("-I PREROUTING 1 -j ").append(NAT).append('\n');
            }
            if (f.forwards(s)) {
                policy.forwards().forEach(fw -> nat.append(dnat(s, f, fw)).append('\n'));
            }
            String internal = f == Family.V4 ? s.internalNetwork() : Nat64.embedNetwork(s.nat64Prefix(), s.internalNetwork());
            if (f == Family.V4) {
                // IPv6 reaches the machines through the edge's NAT64 translator, which answers for them itself.
                nat.append(':').append(SNAT).append(" - [0:0]\n");
                if (!exists(s, f, "nat", "POSTROUTING", "-j", SNAT)) {
                    nat.append("-I POSTROUTING 1 -j ").append(SNAT).append('\n');
                }
                if (s.masquerade()) {
                    nat.append("-A ").append(SNAT).append(" ! -s ").append(internal).append(" -d ").append(internal)
                        .append(" -j MASQUERADE\n");
                }
            }
            nat.append("COMMIT\n");
            StringBuilder filter = new StringBuilder("*filter\n:" + FILTER + " - [0:0]\n");
            if (!exists(s, f, "filter", "FORWARD", "-d", internal, "-j", FILTER)) {
                filter.append("-I FORWARD 1 -d ").append(internal).append(" -j ").append(FILTER).append('\n');
            }
            filter.append("-A ").append(FILTER).append(" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n");
            if (f == Family.V4 && !s.sipEdge().isEmpty()) {
                for (String proto : List.of("udp", "tcp")) {
                    filter.append("-A ").append(FILTER).append(" -s ").append(s.sipEdge()).append(" -p ").append(proto)
                        .append(" -m multiport --dports 5060,5061 -j ACCEPT\n");
                }
            }
            policy.allows().stream().filter(f.owns()).forEach(a -> filter.append("-A ").append(accept(s, f, a)).append('\n'));
            filter.append("-A ").append(FILTER).append(" -j DROP\nCOMMIT\n");
            Commands.ok(Commands.in(s, f.restore, "--noflush"), nat.toString() + filter);
        }
    }

    @Override
    public void add(FirewallSettings s, Policy entries) throws FirewallException {
        for (Family f : families(s, entries)) {
            Policy present = installed(s, f, true);
            StringBuilder nat = new StringBuilder();
            entries.forwards().stream().filter(fw -> f.forwards(s) && !present.forwards().contains(fw))
                .forEach(fw -> nat.append(dnat(s, f, fw)).append('\n'));
            StringBuilder filter = new StringBuilder();
            // Inserted after the established-traffic rule, so always before the final DROP.
            entries.allows().stream().filter(f.owns()).filter(a -> !present.allows().contains(a))
                .forEach(a -> filter.append("-I ").append(accept(s, f, a).replaceFirst(FILTER, FILTER + " 2")).append('\n'));
            restore(s, f, nat, filter);
        }
    }

    @Override
    public void remove(FirewallSettings s, Policy entries) throws FirewallException {
        for (Family f : families(s, entries)) {
            Policy present = installed(s, f, false);
            StringBuilder nat = new StringBuilder();
            entries.forwards().stream().filter(fw -> f.forwards(s) && present.forwards().contains(fw))
                .forEach(fw -> nat.append(dnat(s, f, fw).replaceFirst("^-A ", "-D ")).append('\n'));
            StringBuilder filter = new StringBuilder();
            entries.allows().stream().filter(f.owns()).filter(present.allows()::contains)
                .forEach(a -> filter.append("-D ").append(accept(s, f, a)).append('\n'));
            restore(s, f, nat, filter);
        }
    }

    /** The families a change concerns, so that a plain IPv4 grant reads and writes IPv4 only. */
    private static List<Family> families(FirewallSettings s, Policy entries) {
        List<Family> families = new ArrayList<>();
        for (Family f : Family.values()) {
            boolean forwards = !entries.forwards().isEmpty() && f.forwards(s);
            if (forwards || entries.allows().stream().anyMatch(f.owns())) {
                families.add(f);
            }
        }
        return families;
    }

    private static void restore(FirewallSettings s, Family f, StringBuilder nat, StringBuilder filter) throws FirewallException {
        StringBuilder script = new StringBuilder();
        if (nat.length() > 0) {
            script.append("*nat\n").append(nat).append("COMMIT\n");
        }
        if (filter.length() > 0) {
            script.append("*filter\n").append(filter).append("COMMIT\n");
        }
        if (script.length() > 0) {
            Commands.ok(Commands.in(s, f.restore, "--noflush"), script.toString());
        }
    }

    /** Forwards count as installed when in every family that carries them. */
    @Override
    public Policy installed(FirewallSettings s) throws FirewallException {
        Policy four = installed(s, Family.V4, false);
        Policy six = installed(s, Family.V6, false);
        Set<Policy.Forward> forwards = new HashSet<>(four.forwards());
        if (Family.V6.forwards(s)) {
            forwards.retainAll(six.forwards());
        }
        List<Policy.Allow> allows = new ArrayList<>(four.allows());
        allows.addAll(six.allows());
        return Policy.of(forwards, allows);
    }

    /** Reads one family's two chains; with {@code required}, their absence (never synced) is an error. */
    private static Policy installed(FirewallSettings s, Family f, boolean required) throws FirewallException {
        Commands.Result nat = Commands.run(Commands.in(s, f.tool, "-w", "-t", "nat", "-S", NAT), "");
        Commands.Result filter = Commands.run(Commands.in(s, f.tool, "-w", "-t", "filter", "-S", FILTER), "");
        if (nat.exit() != 0 || filter.exit() != 0) {
            if (required) {
                throw new FirewallException("the platform's " + f.tool + " chains are not installed yet: a full sync is needed", true);
            }
            return Policy.EMPTY;
        }
        List<Policy.Forward> forwards = new ArrayList<>();
        for (String line : nat.out().lines().toList()) {
            Matcher m = DNAT.matcher(line);
            if (m.matches()) {
                String ip = m.group(3) != null ? Nat64.extract(m.group(3)) : m.group(4);
                forwards.add(new Policy.Forward(m.group(1), Integer.parseInt(m.group(2)), ip, Integer.parseInt(m.group(5))));
            }
        }
        List<Policy.Allow> allows = new ArrayList<>();
        for (String line : filter.out().lines().toList()) {
            Matcher m = ALLOW.matcher(line);
            if (m.matches()) {
                String source = m.group(1).contains("/") ? m.group(1) : m.group(1) + (f == Family.V6 ? "/128" : "/32");
                String ip = f == Family.V6 ? Nat64.extract(m.group(2)) : m.group(2);
                allows.add(new Policy.Allow(source, ip, m.group(3), Integer.parseInt(m.group(4))));
            }
        }
        return Policy.of(forwards, allows);
    }

    @Override
    public void cut(FirewallSettings s, Policy.Allow allow) throws FirewallException {
        BackendSupport.cut(s, allow);
    }

    private static boolean exists(FirewallSettings s, Family f, String table, String chain, String... rule) throws FirewallException {
        List<String> c = new ArrayList<>(List.of(f.tool, "-w", "-t", table, "-C", chain));
        c.addAll(List.of(rule));
        return Commands.run(Commands.in(s, c.toArray(String[]::new)), "").exit() == 0;
    }

    private static String dnat(FirewallSettings s, Family f, Policy.Forward fw) {
        String to = f == Family.V4 ? fw.internalIp() : "[" + f.machine(s, fw.internalIp()) + "]";
        String where = f == Family.V6 ? "-d " + s.publicAddress6().orElseThrow() + "/128 -p " + fw.protocol()
            : s.listensOnEveryLocalAddress() ? "-p " + fw.protocol() + " " + LOCAL : "-d " + s.publicAddress() + "/32 -p " + fw.protocol();
        return "-A " + NAT + " " + where + " -m " + fw.protocol() + " --dport "
            + fw.externalPort() + " -j DNAT --to-destination " + to + ":" + fw.port();
    }

    private static String accept(FirewallSettings s, Family f, Policy.Allow a) {
        return FILTER + " -s " + a.source() + " -d " + f.machine(s, a.internalIp()) + (f == Family.V4 ? "/32" : "/128") + " -p "
            + a.protocol() + " -m " + a.protocol() + " --dport " + a.port() + " -j ACCEPT";
    }
}
