package org.mtmanager.itests;

import static org.mtmanager.itests.ProcessTestSupport.sh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A client of the server in a network namespace the test makes: linked to this server by a veth of its own /24
 * ({@code net}.1 on the server's end, {@code net}.2 in the namespace), with no route beyond the server's end of it
 * unless the test adds one. Deleting the namespace takes the veth, both ends, along.
 */
final class LinkedNamespace {
    final String namespace;
    final String link;
    /** The server's address on the link. */
    final String server;
    /** The client's address. */
    final String address;

    LinkedNamespace(String namespace, String link, String net) {
        this.namespace = namespace;
        this.link = link;
        this.server = net + ".1";
        this.address = net + ".2";
    }

    LinkedNamespace make() throws Exception {
        remove(); // an interrupted run's
        sh("ip", "netns", "add", namespace);
        sh("ip", "link", "add", link, "type", "veth", "peer", "name", "e", "netns", namespace);
        sh("ip", "addr", "add", server + "/24", "dev", link);
        sh("ip", "link", "set", link, "up");
        sh("ip", "-n", namespace, "addr", "add", address + "/24", "dev", "e");
        sh("ip", "-n", namespace, "link", "set", "e", "up");
        sh("ip", "-n", namespace, "link", "set", "lo", "up");
        return this;
    }

    /** A route towards {@code network} through this server (what the client could try past the server's services). */
    void routeThroughServer(String network) throws Exception {
        sh("ip", "-n", namespace, "route", "add", network, "via", server);
    }

    /** The command prefix that runs a program in the namespace. */
    List<String> in() {
        return List.of("ip", "netns", "exec", namespace);
    }

    /** The first bytes a server sends this client at {@code to:port}; empty if none. */
    String banner(String to, int port) throws Exception {
        return sh("ip", "netns", "exec", namespace, "sh", "-c",
            "busybox timeout 3 busybox nc -w 2 " + to + " " + port + " </dev/null 2>/dev/null | busybox head -c 64; true");
    }

    void remove() throws Exception {
        if (Files.exists(Path.of("/run/netns", namespace))) {
            sh("ip", "netns", "del", namespace);
        }
    }
}
