package org.mtmanager.hypervisor.container;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.mtmanager.spi.hypervisor.DriverException;

/**
 * The host's internal bridge, made on first use with the network's first address. It carries no default route
 * for the machines, so nothing they send leaves the host.
 */
final class Bridges {
    private Bridges() {
    }

    static synchronized void ensure(HostLayout layout) throws DriverException {
        String bridge = layout.bridge();
        if (!layout.linkExists(bridge)) {
            Commands.run(layout.ipOnBridgeSide("link", "add", "name", bridge, "type", "bridge"));
        }
        String address = layout.gateway() + "/" + layout.prefixLength();
        if (!Commands.run(layout.ipOnBridgeSide("-o", "addr", "show", "dev", bridge)).contains(" " + address + " ")) {
            Commands.run(layout.ipOnBridgeSide("addr", "replace", address, "dev", bridge));
        }
        Commands.run(layout.ipOnBridgeSide("link", "set", bridge, "up"));
    }
}
