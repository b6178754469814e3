package org.mtmanager.spi.firewall;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/** The checks every backend shares; cutting is tested against each backend's rules by {@link FirewallContract}. */
public class BackendSupportTest {

    /** What conntrack's presence on this machine adds, so that the rest can be checked exactly anywhere. */
    private static List<String> conntrack() {
        return Commands.tool("conntrack") != null ? List.of() : List.of("conntrack is not installed (apt-get install -y"
            + " conntrack, or run bin/mtm-host-setup): revoking could not cut open connections");
    }

    @Test
    public void validSettingsWithoutANamespaceNeedOnlyConntrack() {
        FirewallSettings s = new FirewallSettings("", "10.100.0.0/16", "", "", Map.of());
        assertEquals(conntrack(), BackendSupport.problems(s));
    }

    @Test
    public void aMissingNamespaceAndInvalidSettingsAreEachAProblem() {
        FirewallSettings s = new FirewallSettings("edge.example", "10.100.0.0/16", "", "mtm-no-such-namespace",
            Map.of("publicAddress6", "198.18.0.1"));
        List<String> expected = new ArrayList<>(conntrack());
        expected.add("network namespace mtm-no-such-namespace does not exist");
        expected.add("publicAddress must be an IPv4 address, or empty for every address of this server; got 'edge.example'");
        expected.add("publicAddress6 must be an IPv6 address; got '198.18.0.1'");
        assertEquals(expected, BackendSupport.problems(s));
    }
}
