package org.mtmanager.itests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Listening ports for the servers the tests start, taken from outside the kernel's ephemeral range.
 *
 * <p>A port from {@code new ServerSocket(0)} is an ephemeral one: until the server binds it, any client socket may
 * be given it too. A readiness poll can then connect to itself (TCP self-connect) and, while that socket lives, the
 * server's own bind fails and it never listens. Outside {@code ip_local_port_range} the kernel never hands a port out
 * by itself, so only the server can hold it.
 */
final class Ports {
    private static final Set<Integer> GIVEN = new HashSet<>();

    private Ports() {
    }

    /** A port no socket holds now, that this JVM has not handed out before, and that the kernel never picks itself. */
    static synchronized int free() throws IOException {
        int[] range = ephemeralRange();
        // Below the ephemeral range when there is room (the usual 32768-60999), else above it; and below 21000, where
        // Pax Exam takes the RMI ports of its containers.
        int low = range[0] > 12_000 ? 10_000 : range[1] + 1;
        int high = range[0] > 12_000 ? Math.min(range[0] - 1, 20_999) : 65_535;
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(low, high + 1);
            if (!GIVEN.contains(port) && bindable(port)) {
                GIVEN.add(port);
                return port;
            }
        }
        throw new IOException("no free port in " + low + "-" + high);
    }

    private static boolean bindable(int port) {
        for (String address : new String[] {"0.0.0.0", "127.0.0.1"}) {
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new InetSocketAddress(InetAddress.getByName(address), port));
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }

    private static int[] ephemeralRange() {
        try {
            String[] parts = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (IOException | RuntimeException unknown) {
            return new int[] {32_768, 60_999};
        }
    }
}
