package org.mtmanager.hypervisor.container;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.mtmanager.spi.hypervisor.DriverException;

/**
 * The host's internal bridge, made on first use with the network's first address and a hardware address of its
 * own. It carries no default route for the machines, so nothing they send leaves the host.
 *
 * <p>Without a hardware address of its own, a Linux bridge takes the lowest of its ports', and changes it whenever
 * that port leaves: machines would then keep sending their replies to a gateway address nobody has for as long as
 * their neighbour entries live (up to a minute).
 */
final class Bridges {
    private Bridges() {
    }

    static synchronized void ensure(HostLayout layout) throws DriverException {
        String bridge = layout.bridge();
        if (!layout.linkExists(bridge)) {
            Commands.run(layout.ipOnBridgeSide("link", "add", "name", bridge, "address", hardwareAddress(bridge),
                "type", "bridge"));
        }
        String address = layout.gateway() + "/" + layout.prefixLength();
        if (!Commands.run(layout.ipOnBridgeSide("-o", "addr", "show", "dev", bridge)).contains(" " + address + " ")) {
            Commands.run(layout.ipOnBridgeSide("addr", "replace", address, "dev", bridge));
        }
        Commands.run(layout.ipOnBridgeSide("link", "set", bridge, "up"));
    }

    /** A locally administered unicast address that is the same for a bridge name on every start. */
    static String hardwareAddress(String bridge) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(bridge.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        StringBuilder mac = new StringBuilder("02");
        for (int i = 0; i < 5; i++) {
            mac.append(':').append(String.format("%02x", digest[i] & 0xff));
        }
        return mac.toString();
    }
}
