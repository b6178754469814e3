package org.mtmanager.spi.firewall;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A network of namespaces made by a test, and removed by it: an edge that holds the rules, two clients on the
 * benchmarking range 198.18.0.0/15 (the platform's public address is 198.18.0.1 on the edge), and one machine
 * at 10.77.0.10 serving "web" on 80, an echo "SSH" on 22 and an echo "SIP" on TCP 5060. No namespace has a route off the test's own links.
 *
 * <p>IPv6 too, on documentation and ULA prefixes only: the clients are 2001:db8:1::2 and 2001:db8:2::2, the edge's
 * public IPv6 address is 2001:db8::1, and the machine also answers on its NAT64 address (64:ff9b::a4d:a, see
 * {@link Nat64}) over a ULA link, standing in for the edge's NAT64 translator: the backends' part, filtering and
 * forwarding IPv6 packets towards that address, is what is under test, and no translator is packaged here.
 */
public final class Topology implements AutoCloseable {
    public static final String PUBLIC = "198.18.0.1";
    public static final String CLIENT1 = "198.18.1.2";
    public static final String CLIENT2 = "198.18.2.2";
    public static final String MACHINE = "10.77.0.10";
    public static final String INTERNAL = "10.77.0.0/24";
    public static final String PUBLIC6 = "2001:db8::1";
    public static final String CLIENT1_6 = "2001:db8:1::2";
    public static final String CLIENT2_6 = "2001:db8:2::2";
    /** The NAT64 prefix, the machine's and the internal network's NAT64 addresses, written out: the itests that use
     * this class have the SPI's test classes only (Nat64Test checks these against {@link Nat64}). */
    public static final String NAT64 = "64:ff9b::/96";
    public static final String MACHINE6 = "64:ff9b::a4d:a";
    public static final String INTERNAL6 = "64:ff9b::a4d:0/120";

    public final String edge;
    public final String client1;
    public final String client2;
    public final String machine;
    private final Path www;
    private final List<Process> servers = new ArrayList<>();

    public Topology() throws Exception {
        this(true);
    }

    /**
     * @param withMachine false for a topology whose machines come from elsewhere (a container host whose bridge
     *                    lives in the edge): no stand-in machine, and no internal address on the edge
     */
    public Topology(boolean withMachine) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 6);
        edge = "mtmfw-" + id + "-edge";
        client1 = "mtmfw-" + id + "-c1";
        client2 = "mtmfw-" + id + "-c2";
        machine = "mtmfw-" + id + "-m1";
        try {
            for (String ns : withMachine ? List.of(edge, client1, client2, machine) : List.of(edge, client1, client2)) {
                sh("ip", "netns", "add", ns);
                sh("ip", "-n", ns, "link", "set", "lo", "up");
                // No duplicate address detection: links' IPv6 addresses (link-local ones too, which neighbour
                // discovery uses) are usable at once instead of after a second or two.
                for (String conf : List.of("all", "default")) {
                    sh("ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv6.conf." + conf + ".accept_dad=0");
                }
            }
            link("fa" + id, client1, "c1e", "198.18.1.1/24", CLIENT1 + "/24");
            link("fb" + id, client2, "c2e", "198.18.2.1/24", CLIENT2 + "/24");
            if (withMachine) {
                link("fc" + id, machine, "m1e", "10.77.0.1/24", MACHINE + "/24");
            }
            sh("ip", "-n", edge, "addr", "add", PUBLIC + "/32", "dev", "lo");
            for (String[] c : new String[][] {{client1, "198.18.1.1"}, {client2, "198.18.2.1"}}) {
                sh("ip", "-n", c[0], "route", "add", "198.18.0.0/15", "via", c[1]);
                sh("ip", "-n", c[0], "route", "add", INTERNAL, "via", c[1]);
            }
            if (withMachine) {
                sh("ip", "-n", machine, "route", "add", "198.18.0.0/15", "via", "10.77.0.1");
            }
            sh("ip", "netns", "exec", edge, "sysctl", "-qw", "net.ipv4.ip_forward=1");
            ipv6(withMachine);
            www = Files.createTempDirectory("mtmfw-www");
            Files.writeString(www.resolve("index.html"), "machine web\n");
            if (withMachine) {
                servers.add(new ProcessBuilder("ip", "netns", "exec", machine, "busybox", "httpd", "-f", "-p", "80", "-h", www.toString()).start());
                servers.add(new ProcessBuilder("ip", "netns", "exec", machine, "busybox", "nc", "-ll", "-p", "22", "-e", "cat").start());
                servers.add(new ProcessBuilder("ip", "netns", "exec", machine, "busybox", "nc", "-ll", "-p", "5060", "-e", "cat").start());
            }
            if (withMachine) {
                awaitListening(machine, 80, 22, 5060);
            }
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** The IPv6 side: addresses without duplicate detection (usable at once), routes only between the test's links. */
    private void ipv6(boolean withMachine) throws Exception {
        sh("ip", "netns", "exec", edge, "sysctl", "-qw", "net.ipv6.conf.all.forwarding=1");
        sh("ip", "-n", edge, "addr", "add", PUBLIC6 + "/128", "dev", "lo");
        String[][] clients = {{client1, "c1e", "2001:db8:1::1", CLIENT1_6}, {client2, "c2e", "2001:db8:2::1", CLIENT2_6}};
        for (String[] c : clients) {
            sh("ip", "-n", edge, "addr", "add", c[2] + "/64", "dev", c[1], "nodad");
            sh("ip", "-n", c[0], "addr", "add", c[3] + "/64", "dev", "e", "nodad");
            sh("ip", "-n", c[0], "route", "add", "2001:db8::/32", "via", c[2]);
            sh("ip", "-n", c[0], "route", "add", NAT64, "via", c[2]);
        }
        if (withMachine) {
            sh("ip", "-n", edge, "addr", "add", "fd00:77::1/64", "dev", "m1e", "nodad");
            sh("ip", "-n", machine, "addr", "add", "fd00:77::10/64", "dev", "e", "nodad");
            sh("ip", "-n", machine, "addr", "add", MACHINE6 + "/128", "dev", "lo");
            sh("ip", "-n", edge, "route", "add", INTERNAL6, "via", "fd00:77::10");
            sh("ip", "-n", machine, "route", "add", "2001:db8::/32", "via", "fd00:77::1");
        }
    }

    /** Polls until every port listens in {@code ns} (servers start asynchronously), for at most ten seconds. */
    private static void awaitListening(String ns, int... ports) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            String listening = sh("ip", "netns", "exec", ns, "ss", "-ltnH");
            if (Arrays.stream(ports).allMatch(p -> listening.matches("(?s).*:" + p + "\\s.*"))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("servers in " + ns + " did not listen on " + Arrays.toString(ports) + ": " + listening);
            }
            Thread.onSpinWait();
        }
    }

    private void link(String tmp, String peerNs, String edgeName, String edgeAddr, String peerAddr) throws Exception {
        sh("ip", "link", "add", tmp, "type", "veth", "peer", "name", "e", "netns", peerNs);
        sh("ip", "link", "set", tmp, "netns", edge);
        sh("ip", "-n", edge, "link", "set", tmp, "name", edgeName);
        sh("ip", "-n", edge, "addr", "add", edgeAddr, "dev", edgeName);
        sh("ip", "-n", edge, "link", "set", edgeName, "up");
        sh("ip", "-n", peerNs, "addr", "add", peerAddr, "dev", "e");
        sh("ip", "-n", peerNs, "link", "set", "e", "up");
    }

    /**
     * Takes the stand-in machine's route to the clients away, as a container host's machines have none: from then
     * on it answers its own network only.
     */
    public void removeMachinesRouteBack() throws Exception {
        sh("ip", "-n", machine, "route", "del", "198.18.0.0/15");
    }

    /** The edge's address on client 1's link, one of its own other than the public address. */
    public static final String EDGE_ON_CLIENT1 = "198.18.1.1";

    /** What {@code client} gets for GET / at {@code address:port}; empty when nothing answers. */
    public String http(String client, String address, int port) throws Exception {
        return run(client, "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | busybox nc -w 2 " + address + " " + port + " 2>/dev/null");
    }

    /** The first line a server sends {@code client} at {@code address:port} (an SSH banner); empty if none. */
    public String banner(String client, String address, int port) throws Exception {
        return run(client, "busybox timeout 3 busybox nc -w 2 " + address + " " + port + " </dev/null 2>/dev/null | busybox head -c 64");
    }

    /** Starts an echo server on {@code port} inside namespace {@code ns} (a machine's), stopped with the topology. */
    public void echoServer(String ns, int port) throws Exception {
        servers.add(new ProcessBuilder("ip", "netns", "exec", ns, "busybox", "nc", "-ll", "-p", Integer.toString(port),
            "-e", "cat").start());
        awaitListening(ns, port);
    }

    /** Whether {@code client} gets the machine's web page at {@code address:port}. */
    public boolean web(String client, String address, int port) throws Exception {
        return run(client, "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | busybox nc -w 2 " + address + " " + port).contains("machine web");
    }

    /** Whether {@code client} gets its line echoed by the machine's "SSH" at {@code address:port}. */
    public boolean ssh(String client, String address, int port) throws Exception {
        return run(client, "echo hello-ssh | busybox nc -w 2 " + address + " " + port).contains("hello-ssh");
    }

    /** A connection held open from {@code client}: write a line, read whether it comes back. */
    public Session open(String client, String address, int port) throws IOException {
        Process p = new ProcessBuilder("ip", "netns", "exec", client, "busybox", "nc", address, Integer.toString(port))
            .redirectErrorStream(true).start();
        servers.add(p);
        return new Session(p);
    }

    /** An open connection. */
    public static final class Session {
        private final Process p;

        Session(Process p) {
            this.p = p;
        }

        /** Sends a line; true if it was echoed within two seconds. */
        public boolean echoes(String line) throws Exception {
            OutputStream out = p.getOutputStream();
            out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            StringBuilder seen = new StringBuilder();
            while (System.nanoTime() < deadline) {
                while (p.getInputStream().available() > 0) {
                    seen.append((char) p.getInputStream().read());
                }
                if (seen.toString().contains(line)) {
                    return true;
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
            return false;
        }
    }

    /** Empties the platform's rules behind its back (drift), whichever backend holds them. */
    public static void flush(Topology net, String backend) throws Exception {
        if (backend.equals("nftables")) {
            for (String set : List.of("host4", "allow4", "host6", "allow6")) {
                sh("ip", "netns", "exec", net.edge, "nft", "flush", "set", "inet", "mtm", set);
            }
        } else {
            for (String tool : List.of("iptables", "ip6tables")) {
                sh("ip", "netns", "exec", net.edge, tool, "-F", "MTM-FORWARD");
                sh("ip", "netns", "exec", net.edge, tool, "-A", "MTM-FORWARD", "-j", "DROP");
            }
        }
    }

    private static String run(String ns, String script) throws Exception {
        Process p = new ProcessBuilder("ip", "netns", "exec", ns, "sh", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    static String sh(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        for (Process p : servers) {
            p.destroyForcibly();
        }
        for (String ns : List.of(edge, client1, client2, machine)) {
            if (Files.exists(Path.of("/run/netns", ns))) {
                for (String pid : sh("ip", "netns", "pids", ns).lines().filter(l -> !l.isBlank()).toList()) {
                    ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
                }
                sh("ip", "netns", "del", ns);
            }
        }
        if (www != null) {
            Files.deleteIfExists(www.resolve("index.html"));
            Files.deleteIfExists(www);
        }
    }
}
