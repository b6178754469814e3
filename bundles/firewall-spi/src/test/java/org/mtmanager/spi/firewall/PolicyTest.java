package org.mtmanager.spi.firewall;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class PolicyTest {

    @Test
    public void sourceBlocksGiveTheirAddressAndMask() {
        Policy.Allow a = new Policy.Allow("198.18.1.0/24", "10.0.0.1", "tcp", 22);
        assertEquals("198.18.1.0", a.sourceAddress());
        assertEquals("255.255.255.0", a.sourceMask());
        assertEquals("255.255.255.255", new Policy.Allow("198.18.1.2/32", "10.0.0.1", "tcp", 22).sourceMask());
        assertEquals("0.0.0.0", new Policy.Allow("0.0.0.0/0", "10.0.0.1", "tcp", 22).sourceMask());
        assertFalse(a.ipv6());
        assertTrue(new Policy.Allow("2001:db8::/32", "10.0.0.1", "tcp", 22).ipv6());
        assertEquals("ffff:ffff:0:0:0:0:0:0", new Policy.Allow("2001:db8::/32", "10.0.0.1", "tcp", 22).sourceMask());
        assertEquals("ffff:ffff:ffff:fff0:0:0:0:0", new Policy.Allow("2001:db8::/60", "10.0.0.1", "tcp", 22).sourceMask());
        assertTrue(new Policy.Allow("2001:db8::1/128", "10.0.0.1", "tcp", 22).singleAddress());
        assertTrue(new Policy.Allow("198.18.1.2", "10.0.0.1", "tcp", 22).singleAddress());
        assertFalse(a.singleAddress());
        assertEquals(24, a.sourcePrefix());
    }

    @Test
    public void minusKeepsWhatTheOtherLacks() {
        Policy.Forward f = new Policy.Forward("tcp", 10000, "10.0.0.1", 22);
        Policy.Allow a = new Policy.Allow("198.18.1.2/32", "10.0.0.1", "tcp", 22);
        Policy both = Policy.of(List.of(f), List.of(a));
        assertEquals(Policy.of(List.of(f), List.of()), both.minus(Policy.of(List.of(), List.of(a))));
        assertTrue(both.minus(both).isEmpty());
    }
}
