package org.mtmanager.machine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.util.List;

import org.junit.Test;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;

public class PlacementTest {
    static final BigDecimal ONE = BigDecimal.ONE;
    static final Placement.Need M = new Placement.Need(2, 4096, 40);

    static Placement.Host host(String name, boolean available, int usedVcpu, int usedMem) {
        return new Placement.Host(name, "libvirt", available ? List.of() : List.of("kamailio is not installed"), 8, 16384, 500,
            usedVcpu, usedMem, 0);
    }

    @Test
    public void theHostWithTheMostRoomWins() {
        Placement.Host a = host("a", true, 2, 12000);
        Placement.Host b = host("b", true, 6, 4000);
        assertEquals("b", Placement.choose(List.of(a, b), M, ONE, ONE).name());
    }

    @Test
    public void tiesAreBrokenByNameSoTheChoiceIsStable() {
        assertEquals("a", Placement.choose(List.of(host("b", true, 0, 0), host("a", true, 0, 0)), M, ONE, ONE).name());
    }

    @Test
    public void hostsWithoutRoomOrWithoutTheirDriverAreSkipped() {
        Placement.Host full = host("full", true, 7, 0);
        Placement.Host gone = host("gone", false, 0, 0);
        Placement.Host ok = host("ok", true, 6, 12288);
        assertEquals("ok", Placement.choose(List.of(full, gone, ok), M, ONE, ONE).name());
        try {
            Placement.choose(List.of(full, gone), M, ONE, ONE);
            fail();
        } catch (MtmException e) {
            assertEquals(ErrorCode.CONFLICT, e.code());
            assertTrue(e.getMessage(), e.getMessage().endsWith("(unusable hosts: gone: kamailio is not installed)"));
        }
    }

    @Test
    public void overcommitRaisesTheVcpusAHostOffers() {
        Placement.Host busy = host("busy", true, 8, 0);
        try {
            Placement.choose(List.of(busy), M, ONE, ONE);
            fail("8 of 8 vCPUs are used");
        } catch (MtmException expected) {
            assertEquals(ErrorCode.CONFLICT, expected.code());
        }
        assertEquals("busy", Placement.choose(List.of(busy), M, new BigDecimal("1.5"), ONE).name());
    }
}
