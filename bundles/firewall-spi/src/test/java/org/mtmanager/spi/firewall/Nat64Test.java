package org.mtmanager.spi.firewall;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.junit.Test;

public class Nat64Test {

    @Test
    public void machinesAreEmbeddedInTheLastThirtyTwoBits() {
        assertEquals("64:ff9b::a4d:a", Nat64.embed("64:ff9b::/96", "10.77.0.10"));
        assertEquals("64:ff9b::a4d:0/120", Nat64.embedNetwork("64:ff9b::/96", "10.77.0.0/24"));
        assertEquals("2001:db8:64::c612:1", Nat64.embed("2001:db8:64::/96", "198.18.0.1"));
        assertEquals("10.77.0.10", Nat64.extract("64:ff9b::a4d:a"));
        assertEquals("64:ff9b::", Nat64.embed("64:ff9b::/96", "0.0.0.0"));
    }

    @Test
    public void theTopologysWrittenOutAddressesAgree() {
        assertEquals(Nat64.WELL_KNOWN_PREFIX, Topology.NAT64);
        assertEquals(Nat64.embed(Topology.NAT64, Topology.MACHINE), Topology.MACHINE6);
        assertEquals(Nat64.embedNetwork(Topology.NAT64, Topology.INTERNAL), Topology.INTERNAL6);
    }

    @Test
    public void onlyIpv6SlashNinetySixIsAPrefix() {
        assertTrue(Nat64.valid("64:ff9b::/96"));
        assertFalse(Nat64.valid("64:ff9b::/64"));
        assertFalse(Nat64.valid("10.0.0.0/96"));
        assertFalse(Nat64.valid("nonsense/96"));
    }

    @Test
    public void settingsDefaultToTheWellKnownPrefixAndNoIpv6Forwards() {
        FirewallSettings plain = new FirewallSettings("198.18.0.1", "10.77.0.0/24", "", "", Map.of());
        assertEquals("64:ff9b::/96", plain.nat64Prefix());
        assertTrue(plain.publicAddress6().isEmpty());
        assertTrue(plain.ipv6Problems().isEmpty());
        FirewallSettings bad = new FirewallSettings("198.18.0.1", "10.77.0.0/24", "", "",
            Map.of("publicAddress6", "198.18.0.1", "nat64Prefix", "64:ff9b::/64"));
        assertEquals(2, bad.ipv6Problems().size());
    }
}
