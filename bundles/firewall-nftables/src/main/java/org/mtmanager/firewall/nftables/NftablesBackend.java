package org.mtmanager.firewall.nftables;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.mtmanager.spi.firewall.BackendSupport;
import org.mtmanager.spi.firewall.Commands;
import org.mtmanager.spi.firewall.FirewallBackend;
import org.mtmanager.spi.firewall.FirewallException;
import org.mtmanager.spi.firewall.FirewallSettings;
import org.mtmanager.spi.firewall.Nat64;
import org.mtmanager.spi.firewall.Policy;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The policy as one nftables table (see the package documentation). */
@Component(service = FirewallBackend.class, property = FirewallBackend.TYPE_PROPERTY + "=nftables")
public class NftablesBackend implements FirewallBackend {
    static final String TABLE = NftScript.TABLE;
    /** How long one element change may take before its {@code nft -i} is taken for wedged (setting {@code nftTimeoutMillis}). */
    static final long DEFAULT_TIMEOUT_MILLIS = 5_000;

    private final Map<String, NftShell> shells = new ConcurrentHashMap<>();

    @Override
    public String type() {
        return "nftables";
    }

    @Override
    public List<String> problems(FirewallSettings s) {
        List<String> problems = new ArrayList<>();
        if (Commands.tool("nft") == null) {
            problems.add("nft is not installed (apt-get install -y nftables, or run bin/mtm-host-setup)");
        }
        problems.addAll(BackendSupport.problems(s));
        return problems;
    }

    @Override
    public void apply(FirewallSettings s, Policy policy) throws FirewallException {
        // A one-off process: the text is large, and nft reads a file faster than an interactive line.
        Commands.ok(Commands.in(s, "nft", "-f", "-"), NftScript.ruleset(s, policy));
    }

    @Override
    public void add(FirewallSettings s, Policy entries) throws FirewallException {
        change(s, NftScript.change(s, entries, false));
    }

    @Override
    public void remove(FirewallSettings s, Policy entries) throws FirewallException {
        change(s, NftScript.change(s, entries, true));
    }

    /**
     * Through the namespace's long-lived {@code nft -i}; should that shell fail (not nft's verdict on the
     * change), once more through a process of its own, so a broken shell costs time, never the change.
     */
    private void change(FirewallSettings s, String line) throws FirewallException {
        if (line.isEmpty()) {
            return;
        }
        try {
            shell(s).run(line);
        } catch (NftShell.Unavailable e) {
            Commands.ok(Commands.in(s, "nft", "-f", "-"), line + "\n");
        }
    }

    synchronized NftShell shell(FirewallSettings s) {
        long timeout = s.get("nftTimeoutMillis").map(Long::parseLong).orElse(DEFAULT_TIMEOUT_MILLIS);
        String key = s.namespace() + "|" + timeout;
        NftShell shell = shells.get(key);
        if (shell == null) {
            // The platform uses one namespace at a time: a shell left in another (an old setting) is ended, so it
            // keeps no deleted namespace alive.
            shells.keySet().removeIf(k -> {
                shells.get(k).close();
                return true;
            });
            shell = shells.computeIfAbsent(key, k -> new NftShell(s.namespace(), timeout));
        }
        return shell;
    }

    @Deactivate
    void stop() {
        shells.values().forEach(NftShell::close);
        shells.clear();
    }

    /** One listing of the table; forwards are installed when in {@code fwd4} (and in {@code fwd6} when IPv6 is on). */
    @Override
    public Policy installed(FirewallSettings s) throws FirewallException {
        Commands.Result r = Commands.run(Commands.in(s, "nft", "list", "table", "inet", "mtm"), "");
        if (r.exit() != 0) {
            if (r.err().contains("No such file or directory")) {
                return Policy.EMPTY;
            }
            throw new FirewallException("nft list table failed: " + r.err().strip(), true);
        }
        String listing = r.out();
        List<Policy.Forward> forwards = forwards(listing, NftScript.FWD4);
        if (s.publicAddress6().isPresent()) {
            Set<Policy.Forward> six = new HashSet<>(forwards(listing, NftScript.FWD6));
            forwards.removeIf(f -> !six.contains(f));
        }
        List<Policy.Allow> allows = new ArrayList<>();
        for (String set : List.of(NftScript.HOST4, NftScript.NET4, NftScript.HOST6, NftScript.NET6)) {
            boolean v6 = set.endsWith("6");
            for (String e : NftListing.elements(listing, set)) {
                String[] p = e.trim().split("\\s+\\.\\s+");
                String source = p[0].contains("/") ? p[0] : p[0] + (v6 ? "/128" : "/32");
                allows.add(new Policy.Allow(source, v6 ? Nat64.extract(p[1]) : p[1], p[2], Integer.parseInt(p[3])));
            }
        }
        return Policy.of(forwards, allows);
    }

    private static List<Policy.Forward> forwards(String listing, String map) {
        List<Policy.Forward> forwards = new ArrayList<>();
        for (String e : NftListing.elements(listing, map)) {
            // " : " separates key and value; a bare ':' may be part of an IPv6 address.
            String[] kv = e.split("\\s+:\\s+");
            String[] k = kv[0].trim().split("\\s*\\.\\s*");
            String[] v = kv[1].trim().split("\\s+\\.\\s+");
            String ip = map.equals(NftScript.FWD6) ? Nat64.extract(v[0]) : v[0];
            forwards.add(new Policy.Forward(k[0], Integer.parseInt(k[1]), ip, Integer.parseInt(v[1])));
        }
        return forwards;
    }

    @Override
    public void cut(FirewallSettings s, Policy.Allow allow) throws FirewallException {
        BackendSupport.cut(s, allow);
    }
}
