package org.mtmanager.spi.firewall;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Test;

/**
 * What every firewall backend must do, checked with real packets: a topology of namespaces per test (see {@link
 * Topology}), the backend's rules in its edge, and clients that do or do not get through. A backend module
 * extends this class with its backend.
 */
public abstract class FirewallContract {
    protected Topology net;
    protected FirewallSettings settings;

    protected static final Policy.Forward SSH_FORWARD = new Policy.Forward("tcp", 10006, Topology.MACHINE, 22);
    protected static final Policy.Allow C1_SSH = new Policy.Allow(Topology.CLIENT1 + "/32", Topology.MACHINE, "tcp", 22);
    protected static final Policy.Allow C1_NET_WEB = new Policy.Allow("198.18.1.0/24", Topology.MACHINE, "tcp", 80);
    protected static final Policy.Allow C2_SSH = new Policy.Allow(Topology.CLIENT2 + "/32", Topology.MACHINE, "tcp", 22);
    protected static final Policy.Allow C1_6_SSH = new Policy.Allow(Topology.CLIENT1_6 + "/128", Topology.MACHINE, "tcp", 22);
    protected static final Policy.Allow C1_6_NET_WEB = new Policy.Allow("2001:db8:1::/48", Topology.MACHINE, "tcp", 80);
    protected static final Policy.Allow C2_6_SSH = new Policy.Allow(Topology.CLIENT2_6 + "/128", Topology.MACHINE, "tcp", 22);

    /** The backend under test. */
    protected abstract FirewallBackend backend();

    @Before
    public void network() throws Exception {
        net = new Topology();
        settings = new FirewallSettings(Topology.PUBLIC, Topology.INTERNAL, "", net.edge, Map.of());
        Assume.assumeTrue("the backend cannot run here: " + backend().problems(settings), backend().problems(settings).isEmpty());
    }

    @After
    public void removeNetwork() throws Exception {
        if (net != null) {
            net.close();
        }
    }

    @Test
    public void aWhitelistedClientGetsThroughAndAnotherDoesNot() throws Exception {
        backend().apply(settings, Policy.of(List.of(SSH_FORWARD), List.of(C1_SSH, C1_NET_WEB)));
        assertTrue("c1 reaches SSH through the forward", net.ssh(net.client1, Topology.PUBLIC, 10006));
        assertTrue("c1's network reaches the web UI", net.web(net.client1, Topology.MACHINE, 80));
        assertFalse("c2 is not whitelisted for SSH", net.ssh(net.client2, Topology.PUBLIC, 10006));
        assertFalse("c2 is not whitelisted for the web", net.web(net.client2, Topology.MACHINE, 80));
        assertFalse("c1 may not reach SSH directly on a port it was not given", net.web(net.client1, Topology.MACHINE, 22));
    }

    @Test
    public void whatIsInstalledIsWhatWasApplied() throws Exception {
        Policy policy = Policy.of(List.of(SSH_FORWARD, new Policy.Forward("udp", 10007, Topology.MACHINE, 69)),
            List.of(C1_SSH, C1_NET_WEB));
        backend().apply(settings, policy);
        backend().apply(settings, policy);
        assertEquals(policy, backend().installed(settings));
    }

    @Test
    public void applyReplacesEverything() throws Exception {
        backend().apply(settings, Policy.of(List.of(SSH_FORWARD), List.of(C1_SSH, C2_SSH)));
        backend().apply(settings, Policy.of(List.of(SSH_FORWARD), List.of(C2_SSH)));
        assertFalse(net.ssh(net.client1, Topology.PUBLIC, 10006));
        assertTrue(net.ssh(net.client2, Topology.PUBLIC, 10006));
        assertEquals(Policy.of(List.of(SSH_FORWARD), List.of(C2_SSH)), backend().installed(settings));
    }

    @Test
    public void singleEntriesComeAndGoWithoutTouchingTheRest() throws Exception {
        backend().apply(settings, Policy.of(List.of(SSH_FORWARD), List.of(C1_SSH)));
        Policy c2 = Policy.of(List.of(), List.of(C2_SSH));
        backend().add(settings, c2);
        backend().add(settings, c2);
        assertTrue(net.ssh(net.client2, Topology.PUBLIC, 10006));
        backend().remove(settings, c2);
        backend().remove(settings, c2);
        assertFalse(net.ssh(net.client2, Topology.PUBLIC, 10006));
        assertTrue("the rest is untouched", net.ssh(net.client1, Topology.PUBLIC, 10006));
        assertEquals(Policy.of(List.of(SSH_FORWARD), List.of(C1_SSH)), backend().installed(settings));
    }

    @Test
    public void aRemovedForwardIsGone() throws Exception {
        backend().apply(settings, Policy.of(List.of(SSH_FORWARD), List.of(C1_SSH)));
        backend().remove(settings, Policy.of(List.of(SSH_FORWARD), List.of(C1_SSH)));
        assertFalse(net.ssh(net.client1, Topology.PUBLIC, 10006));
        assertEquals(Policy.EMPTY, backend().installed(settings));
    }

    @Test
    public void cuttingEndsAnEstablishedConnection() throws Exception {
        backend().apply(settings, Policy.of(List.of(SSH_FORWARD), List.of(C1_SSH)));
        Topology.Session session = net.open(net.client1, Topology.PUBLIC, 10006);
        assertTrue(session.echoes("one"));
        backend().remove(settings, Policy.of(List.of(), List.of(C1_SSH)));
        assertTrue("revoking alone leaves an established connection open", session.echoes("two"));
        backend().cut(settings, C1_SSH);
        assertFalse("after the cut, nothing more gets through", session.echoes("three"));
    }

    @Test
    public void sipComesOnlyFromThePlatformsSipEdge() throws Exception {
        FirewallSettings withEdge = new FirewallSettings(Topology.PUBLIC, Topology.INTERNAL, Topology.CLIENT1 + "/32", net.edge, Map.of());
        backend().apply(withEdge, Policy.EMPTY);
        assertTrue("the SIP edge reaches the machine's SIP", net.ssh(net.client1, Topology.MACHINE, 5060));
        assertFalse("nobody else does", net.ssh(net.client2, Topology.MACHINE, 5060));
        assertFalse("and the SIP edge reaches nothing else", net.ssh(net.client1, Topology.MACHINE, 22));
        assertEquals(Policy.EMPTY, backend().installed(withEdge));
    }

    /** The same settings, with the edge's public IPv6 address for forwards. */
    private FirewallSettings withIpv6() {
        return new FirewallSettings(Topology.PUBLIC, Topology.INTERNAL, "", net.edge, Map.of("publicAddress6", Topology.PUBLIC6));
    }

    @Test
    public void ipv6ClientsUseTheForwardsOnThePublicIpv6AddressAndOnlyWithAnIpv6Grant() throws Exception {
        FirewallSettings six = withIpv6();
        Policy policy = Policy.of(List.of(SSH_FORWARD), List.of(C1_6_SSH, C1_6_NET_WEB));
        backend().apply(six, policy);
        assertTrue("c1 reaches SSH through the forward on the IPv6 address", net.ssh(net.client1, Topology.PUBLIC6, 10006));
        assertTrue("c1's IPv6 network reaches the web UI at the machine's NAT64 address", net.web(net.client1, Topology.MACHINE6, 80));
        assertFalse("c2 has no IPv6 grant", net.ssh(net.client2, Topology.PUBLIC6, 10006));
        assertFalse("c2 has no IPv6 grant for the web", net.web(net.client2, Topology.MACHINE6, 80));
        assertFalse("an IPv6 grant opens nothing over IPv4", net.ssh(net.client1, Topology.PUBLIC, 10006));
        assertEquals(policy, backend().installed(six));
    }

    @Test
    public void ipv6EntriesComeAndGoAndTheirConnectionsAreCut() throws Exception {
        FirewallSettings six = withIpv6();
        backend().apply(six, Policy.of(List.of(SSH_FORWARD), List.of(C1_6_SSH)));
        Policy c2 = Policy.of(List.of(), List.of(C2_6_SSH));
        backend().add(six, c2);
        backend().add(six, c2);
        assertTrue(net.ssh(net.client2, Topology.PUBLIC6, 10006));
        Topology.Session session = net.open(net.client2, Topology.PUBLIC6, 10006);
        assertTrue(session.echoes("one"));
        backend().remove(six, c2);
        backend().remove(six, c2);
        assertFalse(net.ssh(net.client2, Topology.PUBLIC6, 10006));
        assertTrue("revoking alone leaves an established connection open", session.echoes("two"));
        backend().cut(six, C2_6_SSH);
        assertFalse("after the cut, nothing more gets through", session.echoes("three"));
        assertTrue("the rest is untouched", net.ssh(net.client1, Topology.PUBLIC6, 10006));
        assertEquals(Policy.of(List.of(SSH_FORWARD), List.of(C1_6_SSH)), backend().installed(six));
    }

    @Test
    public void withoutAPublicIpv6AddressIpv6GrantsStillGuardTheMachinesNat64Addresses() throws Exception {
        backend().apply(settings, Policy.of(List.of(SSH_FORWARD), List.of(C1_6_SSH)));
        assertFalse("no forward listens on the IPv6 address", net.ssh(net.client1, Topology.PUBLIC6, 10006));
        assertTrue("the granted client reaches the machine's own port", net.ssh(net.client1, Topology.MACHINE6, 22));
        assertFalse("nobody else does", net.ssh(net.client2, Topology.MACHINE6, 22));
        assertEquals(Policy.of(List.of(SSH_FORWARD), List.of(C1_6_SSH)), backend().installed(settings));
    }

    @Test
    public void withoutAPublicAddressForwardsListenOnEveryAddressOfTheEdge() throws Exception {
        FirewallSettings everywhere = new FirewallSettings("", Topology.INTERNAL, "", net.edge, Map.of());
        assertEquals(List.of(), backend().problems(everywhere));
        Policy policy = Policy.of(List.of(SSH_FORWARD), List.of(C1_SSH));
        backend().apply(everywhere, policy);
        assertTrue("c1 reaches SSH on the edge's address on its link", net.ssh(net.client1, Topology.EDGE_ON_CLIENT1, 10006));
        assertTrue("and on the edge's other address", net.ssh(net.client1, Topology.PUBLIC, 10006));
        assertFalse("c2 is still not whitelisted", net.ssh(net.client2, Topology.PUBLIC, 10006));
        assertEquals(policy, backend().installed(everywhere));
        backend().remove(everywhere, Policy.of(List.of(SSH_FORWARD), List.of()));
        assertFalse("a removed forward listens nowhere", net.ssh(net.client1, Topology.PUBLIC, 10006));
        assertEquals(Policy.of(List.of(), List.of(C1_SSH)), backend().installed(everywhere));
    }

    @Test
    public void machinesWithNoRouteOutAnswerClientsBeyondTheEdgeThroughTheMasquerade() throws Exception {
        net.removeMachinesRouteBack();
        Policy policy = Policy.of(List.of(SSH_FORWARD), List.of(C1_SSH, C1_NET_WEB));
        backend().apply(settings, policy);
        assertTrue("c1 reaches SSH through the forward", net.ssh(net.client1, Topology.PUBLIC, 10006));
        assertTrue("c1's network reaches the web UI on the machine's own address", net.web(net.client1, Topology.MACHINE, 80));
        assertFalse("the masquerade admits nobody the grants do not", net.ssh(net.client2, Topology.PUBLIC, 10006));
        FirewallSettings noMasquerade = new FirewallSettings(Topology.PUBLIC, Topology.INTERNAL, "", net.edge,
            Map.of("masquerade", "false"));
        backend().apply(noMasquerade, policy);
        assertFalse("without it, the machine's replies have no way back", net.ssh(net.client1, Topology.PUBLIC, 10006));
        assertEquals(policy, backend().installed(noMasquerade));
    }
}
