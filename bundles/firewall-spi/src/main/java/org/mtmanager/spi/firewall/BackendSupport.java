package org.mtmanager.spi.firewall;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What every backend does alike, whichever packet filter it writes: the checks of all it needs beyond its own
 * tools, and cutting the connections that a revoked entry had admitted, which is conntrack's work whatever wrote
 * the rules.
 */
public final class BackendSupport {

    private BackendSupport() {
    }

    /**
     * The problems of a backend that do not depend on its packet filter, each with its remedy: conntrack missing,
     * the settings' namespace missing, and invalid IPv4 or IPv6 settings. A backend's {@code problems} lists its own
     * tools' first, then these.
     */
    public static List<String> problems(FirewallSettings s) {
        List<String> problems = new ArrayList<>();
        if (Commands.tool("conntrack") == null) {
            problems.add("conntrack is not installed (apt-get install -y conntrack, or run bin/mtm-host-setup): revoking could not cut open connections");
        }
        if (!s.namespace().isEmpty() && !Files.exists(Path.of("/run/netns", s.namespace()))) {
            problems.add("network namespace " + s.namespace() + " does not exist");
        }
        problems.addAll(s.ipv4Problems());
        problems.addAll(s.ipv6Problems());
        return problems;
    }

    /** Ends the established connections that {@code allow} admitted, as {@link FirewallBackend#cut} must. */
    public static void cut(FirewallSettings s, Policy.Allow allow) throws FirewallException {
        // After DNAT the reply comes from the machine's own address: its IPv4, or for IPv6 its NAT64 address.
        String machine = allow.ipv6() ? Nat64.embed(s.nat64Prefix(), allow.internalIp()) : allow.internalIp();
        Commands.Result r = Commands.run(Commands.in(s, "conntrack", "-D", "-f", allow.ipv6() ? "ipv6" : "ipv4", "-p", allow.protocol(),
            "--reply-src", machine, "--reply-port-src", Integer.toString(allow.port()), "--orig-src", allow.sourceAddress(),
            "--mask-src", allow.sourceMask()), "");
        // conntrack exits 1 when nothing matched: there was no connection to cut.
        if (r.exit() != 0 && !r.err().contains("0 flow entries")) {
            throw new FirewallException("conntrack -D failed: " + r.err().strip(), true);
        }
    }
}
