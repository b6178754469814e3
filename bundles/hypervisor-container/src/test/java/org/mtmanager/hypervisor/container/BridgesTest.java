package org.mtmanager.hypervisor.container;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.After;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Test;
import org.mtmanager.spi.hypervisor.HostSettings;

/** The bridge keeps one hardware address of its own while ports come and go (in a namespace the test makes). */
public class BridgesTest {
    private final String namespace = "mtmut-br-" + UUID.randomUUID().toString().substring(0, 6);

    @Before
    public void makeNamespace() throws Exception {
        Assume.assumeTrue("needs root and iproute2: " + Preflight.problems(), Preflight.problems().isEmpty());
        Commands.run(List.of("ip", "netns", "add", namespace));
    }

    @After
    public void removeNamespace() throws Exception {
        Commands.run(List.of("ip", "netns", "del", namespace));
    }

    @Test
    public void theBridgeKeepsItsOwnHardwareAddressWhenThePortWithTheLowestLeaves() throws Exception {
        HostLayout layout = HostLayout.of(new HostSettings("ut", "container", Map.of("bridge", "mtmbr-t",
            "network", "10.232.0.0/24", "bridgeNamespace", namespace)));
        Bridges.ensure(layout);
        String own = Bridges.hardwareAddress("mtmbr-t");
        assertTrue(own, own.matches("02(:[0-9a-f]{2}){5}"));
        assertEquals(own, address());

        // A port whose address is lower than any other: a bridge without an address of its own would take it,
        // and take another when it leaves.
        ip("link", "add", "p0", "address", "00:00:00:00:00:01", "type", "veth", "peer", "name", "p1");
        ip("link", "set", "p0", "master", "mtmbr-t");
        ip("link", "set", "p0", "up");
        assertEquals(own, address());
        ip("link", "del", "p0");
        assertEquals(own, address());

        Bridges.ensure(layout);
        assertEquals(own, address());
    }

    private String address() throws Exception {
        String line = ip("-o", "link", "show", "mtmbr-t");
        return line.replaceAll(".*link/ether ([0-9a-f:]{17}).*", "$1").strip();
    }

    private String ip(String... args) throws Exception {
        List<String> c = new ArrayList<>(List.of("ip", "-n", namespace));
        c.addAll(List.of(args));
        return Commands.run(c);
    }
}
