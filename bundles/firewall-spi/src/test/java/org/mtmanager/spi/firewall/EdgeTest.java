package org.mtmanager.spi.firewall;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

/** The edge's preconditions, each reported with its remedy, read through a probe of fixed answers. */
public class EdgeTest {

    private static Edge.Probe probe(boolean ipv4, boolean ipv6, String... addresses) {
        return new Edge.Probe() {
            @Override
            public boolean forwards(boolean six) {
                return six ? ipv6 : ipv4;
            }

            @Override
            public List<String> addresses() {
                return List.of(addresses);
            }
        };
    }

    private static FirewallSettings settings(String publicAddress, String namespace, Map<String, String> more) {
        return new FirewallSettings(publicAddress, "10.100.0.0/16", "", namespace, more);
    }

    @Test
    public void aSetUpEdgeHasNoProblems() {
        assertEquals(List.of(), Edge.problems(settings("", "", Map.of()), probe(true, false, "198.51.100.4", "10.100.0.1")));
        assertEquals(List.of(), Edge.problems(settings("198.51.100.4", "", Map.of()), probe(true, false, "198.51.100.4")));
    }

    @Test
    public void forwardingOffIsAProblemWithItsRemedy() {
        List<String> problems = Edge.problems(settings("", "", Map.of()), probe(false, false, "198.51.100.4"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0), problems.get(0).startsWith("IPv4 forwarding is off on this server")
            && problems.get(0).contains("bin/mtm-host-setup") && problems.get(0).contains("sysctl -w net.ipv4.ip_forward=1"));
        String edge = Edge.problems(settings("", "edge1", Map.of()), probe(false, false, "198.51.100.4")).get(0);
        assertTrue(edge, edge.contains("in network namespace edge1") && edge.contains("ip netns exec edge1 sysctl -w net.ipv4.ip_forward=1"));
    }

    @Test
    public void ipv6ForwardingMattersOnlyWithAPublicIpv6Address() {
        assertEquals(List.of(), Edge.problems(settings("", "", Map.of()), probe(true, false, "198.51.100.4")));
        List<String> problems = Edge.problems(settings("", "", Map.of("publicAddress6", "2001:db8::1")), probe(true, false, "198.51.100.4"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0), problems.get(0).contains("net.ipv6.conf.all.forwarding=1"));
    }

    @Test
    public void theShippedExampleAddressIsNotAnAddressOfThisServer() {
        List<String> problems = Edge.problems(settings("192.0.2.10", "", Map.of()), probe(true, false, "198.51.100.4", "10.100.0.1"));
        assertEquals(List.of("publicAddress 192.0.2.10 is not an address on this server (it is documentation space, an example),"
            + " so port forwards there are never reached (in etc/org.mtmanager.firewall.cfg set publicAddress to one of"
            + " 198.51.100.4, or leave it empty to forward on every address of this server)"), problems);
        String other = Edge.problems(settings("100.64.0.9", "", Map.of()), probe(true, false, "198.51.100.4")).get(0);
        assertTrue(other, other.startsWith("publicAddress 100.64.0.9 is not an address on this server, so"));
    }

    @Test
    public void withoutAPublicAddressTheEdgeNeedsAnAddressOfItsOwn() {
        List<String> problems = Edge.problems(settings("", "", Map.of()), probe(true, false, "10.100.0.1"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0), problems.get(0).startsWith("there is no IPv4 address on this server beyond loopback"));
    }

    @Test
    public void forwardsAreShownOnTheConfiguredAddressOrTheEdgesFirstOwn() {
        assertEquals("198.18.0.1", Edge.publicAddress(settings("198.18.0.1", "", Map.of()), probe(true, false)));
        assertEquals("198.51.100.4", Edge.publicAddress(settings("", "", Map.of()), probe(true, false, "10.100.0.1", "198.51.100.4")));
        assertEquals("", Edge.publicAddress(settings("", "", Map.of()), probe(true, false)));
    }

    @Test
    public void aProbeThatFailsIsReported() {
        Edge.Probe broken = new Edge.Probe() {
            @Override
            public boolean forwards(boolean ipv6) throws FirewallException {
                throw new FirewallException("ip is not installed (apt-get install -y iproute2)", false);
            }

            @Override
            public List<String> addresses() {
                return List.of();
            }
        };
        assertEquals(List.of("cannot check the edge in network namespace e1: ip is not installed (apt-get install -y iproute2)"),
            Edge.problems(settings("", "e1", Map.of()), broken));
    }

    @Test
    public void addressesAreMatchedAgainstBlocks() {
        assertTrue(Edge.inside("10.100.3.4", "10.100.0.0/16"));
        assertTrue(!Edge.inside("10.101.0.1", "10.100.0.0/16"));
        assertTrue(!Edge.inside("2001:db8::1", "10.100.0.0/16"));
    }

    @Test
    public void settingsAcceptAnEmptyPublicAddressAndCheckMasquerade() {
        assertEquals(List.of(), settings("", "", Map.of()).ipv4Problems());
        assertTrue(settings("", "", Map.of()).masquerade());
        assertTrue(!settings("", "", Map.of("masquerade", "false")).masquerade());
        assertEquals(List.of("publicAddress must be an IPv4 address, or empty for every address of this server; got 'edge.example'",
            "masquerade must be true or false; got 'yes'"), settings("edge.example", "", Map.of("masquerade", "yes")).ipv4Problems());
    }
}
