package org.mtmanager.machine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

public class InternalNetworkTest {

    @Test
    public void aBlockIsNormalisedAndCountsItsAddresses() {
        InternalNetwork n = InternalNetwork.parse("10.123.4.77/24");
        assertEquals("10.123.4.0/24", n.toString());
        assertEquals(256, n.size());
        assertEquals("10.123.4.10", n.address(10));
        assertEquals("10.123.4.", n.commonPrefix());
        assertEquals("10.100.", InternalNetwork.parse(InternalNetwork.DEFAULT).commonPrefix());
        assertEquals("10.", InternalNetwork.parse("10.0.0.0/12").commonPrefix());
        assertEquals("10.100.1.0", InternalNetwork.parse(InternalNetwork.DEFAULT).address(256));
    }

    @Test
    public void badBlocksAreRefusedWithTheRule() {
        for (String bad : new String[] {"10.100.0.0", "10.100.0.0/7", "10.100.0.0/29", "10.300.0.0/16", "net/16", "10.100.0.0/x"}) {
            try {
                InternalNetwork.parse(bad);
                fail(bad);
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith("network must be an IPv4 block from /8 to /28"));
            }
        }
    }
}
