package org.mtmanager.platform.util;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.store.testing.Refusals.expect;

import org.junit.Test;
import org.mtmanager.api.ErrorCode;

/** CIDR parsing, canonical form and membership, for IPv4, IPv6 and IPv4-mapped IPv6 clients. */
public class CidrTest {

    private static String canon(String text) {
        return Cidr.parse("cidr", text).toString();
    }

    @Test
    public void ipv4BlocksAreCanonicalisedToTheirNetwork() {
        assertEquals("192.0.2.0/24", canon("192.0.2.7/24"));
        assertEquals("10.0.0.0/8", canon(" 10.20.30.40/8 "));
        assertEquals("192.0.2.7/32", canon("192.0.2.7"));
        assertEquals("0.0.0.0/0", canon("203.0.113.9/0"));
        assertEquals("192.0.2.128/25", canon("192.0.2.200/25"));
    }

    @Test
    public void ipv6BlocksAreCanonicalisedAndCompressed() {
        assertEquals("2001:db8::/32", canon("2001:db8:0:0::1/32"));
        assertEquals("2001:db8::/32", canon("2001:DB8:ffff::/32"));
        assertEquals("2001:db8::1/128", canon("2001:0db8:0000:0000:0000:0000:0000:0001"));
        assertEquals("::/0", canon("2001:db8::1/0"));
        assertEquals("2001:db8:0:0:1::/80", canon("2001:db8:0:0:1:0:0:1/80"));
        assertEquals("[::1] in brackets", "::1/128", canon("[::1]"));
    }

    @Test
    public void invalidBlocksAreInvalidFields() {
        for (String bad : new String[] {"10.0.0.300/8", "abc", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/", "10.0.0/8",
            "1:2", "10.0.0.0/8/8", "example.com", "10.0.0.0/x", "01.02.03.04", "10.0.0.010", "192.0.2.0/024",
            "fe80::1%eth0", "fe80::1%1/64", "[fe80::1%eth0]"}) {
            expect(ErrorCode.INVALID_FIELD, "entries[3].cidr", () -> Cidr.parse("entries[3].cidr", bad));
        }
        expect(ErrorCode.INVALID_FIELD, "cidr", () -> Cidr.parse("cidr", null));
        expect(ErrorCode.INVALID_FIELD, "cidr", () -> Cidr.parse("cidr", " "));
    }

    @Test
    public void ipv4Membership() {
        Cidr block = Cidr.parse("cidr", "192.0.2.0/24");
        assertTrue(block.contains("192.0.2.1"));
        assertTrue(block.contains("192.0.2.255"));
        assertFalse(block.contains("192.0.3.1"));
        assertFalse(block.contains("10.0.0.1"));
        assertFalse(block.contains("2001:db8::1"));
        assertFalse(block.contains("local"));
        assertFalse(block.contains(null));
        assertTrue(Cidr.parse("cidr", "203.0.113.9").contains("203.0.113.9"));
        assertFalse(Cidr.parse("cidr", "203.0.113.9").contains("203.0.113.10"));
        assertTrue(Cidr.parse("cidr", "0.0.0.0/0").contains("8.8.8.8"));
    }

    @Test
    public void ipv6Membership() {
        Cidr block = Cidr.parse("cidr", "2001:db8::/32");
        assertTrue(block.contains("2001:db8::1"));
        assertTrue(block.contains("2001:db8:ffff:1::42"));
        assertTrue(block.contains("[2001:db8::1]"));
        assertTrue(block.contains("2001:db8::1%eth0"));
        assertFalse(block.contains("2001:db9::1"));
        assertFalse(block.contains("192.0.2.1"));
    }

    @Test
    public void ipv4MappedClientsMatchIpv4Blocks() {
        Cidr block = Cidr.parse("cidr", "192.0.2.0/24");
        assertTrue(block.contains("::ffff:192.0.2.1"));
        assertTrue(block.contains("[::ffff:192.0.2.1]"));
        assertFalse(block.contains("::ffff:192.0.3.1"));
        assertFalse(Cidr.parse("cidr", "2001:db8::/32").contains("::ffff:192.0.2.1"));
        assertEquals("192.0.2.1/32", canon("::ffff:192.0.2.1"));
    }

    @Test
    public void literalNeverResolvesHostNames() {
        assertNull(Cidr.literal("localhost"));
        assertNull(Cidr.literal("example.com"));
        assertNull(Cidr.literal("unknown"));
        assertNull(Cidr.literal("1.2.3"));
        assertEquals(4, Cidr.literal("192.0.2.1").length);
        assertEquals(16, Cidr.literal("2001:db8::1").length);
    }
}
