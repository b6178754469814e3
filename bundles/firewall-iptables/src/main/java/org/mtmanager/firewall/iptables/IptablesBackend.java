package org.mtmanager.firewall.iptables;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mtmanager.spi.firewall.FirewallBackend;
import org.mtmanager.spi.firewall.FirewallException;
import org.mtmanager.spi.firewall.FirewallSettings;
import org.mtmanager.spi.firewall.Policy;
import org.osgi.service.component.annotations.Component;

/** The policy as iptables chains of the platform's own (see the package documentation). */
@Component(service = FirewallBackend.class, property = FirewallBackend.TYPE_PROPERTY + "=iptables")
public class IptablesBackend implements FirewallBackend {
    static final String NAT = "MTM-PREROUTING";
    static final String FILTER = "MTM-FORWARD";
    private static final Pattern DNAT = Pattern.compile(
        "-A " + NAT + " -d \\S+ -p (\\w+) -m \\w+ --dport (\\d+) -j DNAT --to-destination ([\\d.]+):(\\d+)");
    private static final Pattern ALLOW = Pattern.compile(
        "-A " + FILTER + " -s (\\S+) -d ([\\d.]+)/32 -p (\\w+) -m \\w+ --dport (\\d+) -j ACCEPT");

    @Override
    public String type() {
        return "iptables";
    }

    @Override
    public List<String> problems(FirewallSettings s) {
        List<String> problems = new ArrayList<>();
        if (Cmd.tool("iptables-restore") == null) {
            problems.add("iptables-restore is not installed (apt-get install -y iptables)");
        }
        if (Cmd.tool("conntrack") == null) {
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
        StringBuilder nat = new StringBuilder("*nat\n:" + NAT + " - [0:0]\n");
        if (!exists(s, "nat", "PREROUTING", "-j", NAT)) {
            nat.append("-I PREROUTING 1 -j ").append(NAT).append('\n');
        }
        policy.forwards().forEach(f -> nat.append(dnat(s, f)).append('\n'));
        nat.append("COMMIT\n");
        StringBuilder filter = new StringBuilder("*filter\n:" + FILTER + " - [0:0]\n");
        if (!exists(s, "filter", "FORWARD", "-d", s.internalNetwork(), "-j", FILTER)) {
            filter.append("-I FORWARD 1 -d ").append(s.internalNetwork()).append(" -j ").append(FILTER).append('\n');
        }
        filter.append("-A ").append(FILTER).append(" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n");
        if (!s.sipEdge().isEmpty()) {
            for (String proto : List.of("udp", "tcp")) {
                filter.append("-A ").append(FILTER).append(" -s ").append(s.sipEdge()).append(" -p ").append(proto)
                    .append(" -m multiport --dports 5060,5061 -j ACCEPT\n");
            }
        }
        policy.allows().stream().filter(a -> !a.ipv6()).forEach(a -> filter.append("-A ").append(accept(a)).append('\n'));
        filter.append("-A ").append(FILTER).append(" -j DROP\nCOMMIT\n");
        Cmd.ok(Cmd.in(s, "iptables-restore", "--noflush"), nat.toString() + filter);
    }

    @Override
    public void add(FirewallSettings s, Policy entries) throws FirewallException {
        Policy present = installed(s, true);
        StringBuilder nat = new StringBuilder();
        entries.forwards().stream().filter(f -> !present.forwards().contains(f)).forEach(f -> nat.append(dnat(s, f)).append('\n'));
        StringBuilder filter = new StringBuilder();
        // Inserted after the established-traffic rule, so always before the final DROP.
        entries.allows().stream().filter(a -> !a.source().contains(":") && !present.allows().contains(a))
            .forEach(a -> filter.append("-I ").append(accept(a).replaceFirst(FILTER, FILTER + " 2")).append('\n'));
        restore(s, nat, filter);
    }

    @Override
    public void remove(FirewallSettings s, Policy entries) throws FirewallException {
        Policy present = installed(s);
        StringBuilder nat = new StringBuilder();
        entries.forwards().stream().filter(present.forwards()::contains)
            .forEach(f -> nat.append(dnat(s, f).replaceFirst("^-A ", "-D ")).append('\n'));
        StringBuilder filter = new StringBuilder();
        entries.allows().stream().filter(present.allows()::contains).forEach(a -> filter.append("-D ").append(accept(a)).append('\n'));
        restore(s, nat, filter);
    }

    private static void restore(FirewallSettings s, StringBuilder nat, StringBuilder filter) throws FirewallException {
        StringBuilder script = new StringBuilder();
        if (nat.length() > 0) {
            script.append("*nat\n").append(nat).append("COMMIT\n");
        }
        if (filter.length() > 0) {
            script.append("*filter\n").append(filter).append("COMMIT\n");
        }
        if (script.length() > 0) {
            Cmd.ok(Cmd.in(s, "iptables-restore", "--noflush"), script.toString());
        }
    }

    @Override
    public Policy installed(FirewallSettings s) throws FirewallException {
        return installed(s, false);
    }

    /** Reads the platform's two chains; with {@code required}, their absence (never synced) is an error. */
    private static Policy installed(FirewallSettings s, boolean required) throws FirewallException {
        Cmd.Result nat = Cmd.run(Cmd.in(s, "iptables", "-w", "-t", "nat", "-S", NAT), "");
        Cmd.Result filter = Cmd.run(Cmd.in(s, "iptables", "-w", "-t", "filter", "-S", FILTER), "");
        if (nat.exit() != 0 || filter.exit() != 0) {
            if (required) {
                throw new FirewallException("the platform's chains are not installed yet: a full sync is needed", true);
            }
            return Policy.EMPTY;
        }
        List<Policy.Forward> forwards = new ArrayList<>();
        for (String line : nat.out().lines().toList()) {
            Matcher m = DNAT.matcher(line);
            if (m.matches()) {
                forwards.add(new Policy.Forward(m.group(1), Integer.parseInt(m.group(2)), m.group(3), Integer.parseInt(m.group(4))));
            }
        }
        List<Policy.Allow> allows = new ArrayList<>();
        for (String line : filter.out().lines().toList()) {
            Matcher m = ALLOW.matcher(line);
            if (m.matches()) {
                String source = m.group(1).contains("/") ? m.group(1) : m.group(1) + "/32";
                allows.add(new Policy.Allow(source, m.group(2), m.group(3), Integer.parseInt(m.group(4))));
            }
        }
        return Policy.of(forwards, allows);
    }

    @Override
    public void cut(FirewallSettings s, Policy.Allow allow) throws FirewallException {
        if (allow.ipv6()) {
            return;
        }
        Cmd.Result r = Cmd.run(Cmd.in(s, "conntrack", "-D", "-p", allow.protocol(), "--reply-src", allow.internalIp(),
            "--reply-port-src", Integer.toString(allow.port()), "--orig-src", allow.sourceAddress(), "--mask-src", allow.sourceMask()), "");
        if (r.exit() != 0 && !r.err().contains("0 flow entries")) {
            throw new FirewallException("conntrack -D failed: " + r.err().strip(), true);
        }
    }

    private static boolean exists(FirewallSettings s, String table, String chain, String... rule) throws FirewallException {
        List<String> c = new ArrayList<>(List.of("iptables", "-w", "-t", table, "-C", chain));
        c.addAll(List.of(rule));
        return Cmd.run(Cmd.in(s, c.toArray(String[]::new)), "").exit() == 0;
    }

    private static String dnat(FirewallSettings s, Policy.Forward f) {
        return "-A " + NAT + " -d " + s.publicAddress() + "/32 -p " + f.protocol() + " -m " + f.protocol() + " --dport "
            + f.externalPort() + " -j DNAT --to-destination " + f.internalIp() + ":" + f.port();
    }

    private static String accept(Policy.Allow a) {
        return FILTER + " -s " + a.source() + " -d " + a.internalIp() + "/32 -p " + a.protocol() + " -m " + a.protocol()
            + " --dport " + a.port() + " -j ACCEPT";
    }
}
