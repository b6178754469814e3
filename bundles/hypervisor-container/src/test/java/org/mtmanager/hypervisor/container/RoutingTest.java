package org.mtmanager.hypervisor.container;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.mtmanager.spi.hypervisor.HostSettings;

/** A host whose bridge's namespace does not forward IPv4 says so, with the remedy. */
public class RoutingTest {

    private static HostLayout layout(Map<String, String> settings) throws Exception {
        return HostLayout.of(new HostSettings("local", "container", settings));
    }

    @Test
    public void aForwardingHostHasNoProblem() throws Exception {
        assertEquals(Optional.empty(), Routing.problem(layout(Map.of()), "local", "1\n"));
    }

    @Test
    public void forwardingOffIsAProblemWithItsRemedy() throws Exception {
        String problem = Routing.problem(layout(Map.of()), "local", "0\n").orElseThrow();
        assertEquals("IPv4 forwarding is off on this server, so its machines answer nobody beyond it: port forwards and grants"
            + " cannot reach them (run bin/mtm-host-setup, or sysctl -w net.ipv4.ip_forward=1 and keep it in /etc/sysctl.d)", problem);
    }

    @Test
    public void aBridgeInAnotherNamespaceIsCheckedThere() throws Exception {
        String problem = Routing.problem(layout(Map.of("bridgeNamespace", "edge1")), "lab", "0").orElseThrow();
        assertTrue(problem, problem.startsWith("IPv4 forwarding is off in network namespace edge1, where the bridge of host lab is")
            && problem.contains("ip netns exec edge1 sysctl -w net.ipv4.ip_forward=1"));
    }
}
