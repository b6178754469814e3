package org.mtmanager.itests;

import static org.mtmanager.itests.ProcessTestSupport.API;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The distribution run as an operator runs it: unpacked from the tar.gz, configured on free ports, started with
 * {@code bin/start} and stopped with {@code bin/stop}. For tests and benchmarks that need a real process
 * (restarts, start-up time, memory).
 */
public final class Distribution implements AutoCloseable {
    /** A namespace no test makes: the firewall backend reports it missing, and touches nothing. */
    static final String NO_FIREWALL = "mtmit-no-firewall";
    /** The platform's data source and its pool, as shipped in {@code etc/}. */
    static final String DATASOURCE_CFG = "etc/org.ops4j.datasource-mtm.cfg";
    private final Path home;
    private final int httpPort;
    private final int sshPort;
    private final int httpsPort;
    /** Where the platform administrator's first password is: this node's data, or the first node's when it joined one. */
    private Path passwordFile;

    private Distribution(Path home, int httpPort, int sshPort, int httpsPort) {
        this.home = home;
        this.httpPort = httpPort;
        this.sshPort = sshPort;
        this.httpsPort = httpsPort;
        this.passwordFile = home.resolve("data/mtm/initial-admin-password");
    }

    /** Unpacks MT Manager's distribution under {@code target/} and moves every listener to a free port. */
    public static Distribution unpack(String name) throws Exception {
        Distribution d = unpack(name, Paths.get(System.getProperty("mtm.distribution",
            "../assembly/target/mtm-assembly-0.1.0-SNAPSHOT.tar.gz")));
        // An empty local repository: the distribution must run from its own system/ folder, offline.
        Path empty = Files.createDirectories(d.home.resolve("empty-local-repository"));
        set(d.home.resolve("etc/org.ops4j.pax.url.mvn.cfg"), "org.ops4j.pax.url.mvn.localRepository", empty.toString());
        // Never the host's own ruleset: the firewall's edge is a namespace of the test's, or none (grants stay PENDING).
        set(d.home.resolve("etc/org.mtmanager.firewall.cfg"), "namespace", NO_FIREWALL);
        return d;
    }

    /** The same for any Karaf distribution (a stock Karaf, say). */
    public static Distribution unpack(String name, Path tar) throws Exception {
        Path dir = Paths.get("target", name + "-" + System.nanoTime()).toAbsolutePath();
        Files.createDirectories(dir);
        run(dir, Duration.ofMinutes(2), "tar", "xzf", tar.toAbsolutePath().toString(), "--strip-components=1");
        int http = Ports.free();
        int ssh = Ports.free();
        set(dir.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(http));
        set(dir.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(ssh));
        set(dir.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", String.valueOf(Ports.free()));
        set(dir.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", String.valueOf(Ports.free()));
        // TLS stays on, as shipped, but on a port of the test's own and on loopback only.
        int https = Ports.free();
        set(dir.resolve("etc/org.mtmanager.tls.cfg"), "httpsPort", String.valueOf(https));
        set(dir.resolve("etc/org.mtmanager.tls.cfg"), "listenAddress", "127.0.0.1");
        // The SIP edge too, on loopback and off the machines' network (SipEdgeIT gives it the server's addresses).
        Path edge = dir.resolve("etc/org.mtmanager.sipedge.cfg");
        set(edge, "sipAddress", "127.0.0.1");
        set(edge, "sipPort", String.valueOf(Ports.free()));
        set(edge, "controlPort", String.valueOf(Ports.free()));
        set(edge, "internalAddress", "");
        return new Distribution(dir, http, ssh, https);
    }

    /**
     * The defaults but for the names that keep a run apart from others: the firewall in this server's own namespace on
     * the test's internal {@code network}, and the container host on a bridge, network and namespace prefix of the
     * test's. Before the first start.
     */
    void ownNetwork(String bridge, String network, String prefix) throws IOException {
        Path fw = home.resolve("etc/org.mtmanager.firewall.cfg");
        set(fw, "namespace", "");
        set(fw, "internalNetwork", network);
        Path host = home.resolve("etc/org.mtmanager.host-local.cfg");
        set(host, "bridge", bridge);
        set(host, "network", network);
        set(host, "namespacePrefix", prefix);
    }

    /**
     * The SIP edge as shipped (port 5060), but taking carriers on {@code addresses} only (comma-separated) and reaching
     * the test's machine network from {@code internalAddress}. Before the first start.
     */
    void sipEdgeOn(String addresses, String internalAddress, String network) throws IOException {
        Path edge = home.resolve("etc/org.mtmanager.sipedge.cfg");
        set(edge, "sipAddress", addresses);
        set(edge, "sipPort", "5060");
        set(edge, "internalAddress", internalAddress);
        set(edge, "internalNetwork", network);
    }

    /**
     * Points it at a PostgreSQL database instead of the embedded Derby: the connection's lines of the shipped
     * {@code etc/org.ops4j.datasource-mtm.cfg} changed as the README says, its pool's kept (the server's trust
     * authentication needs no password). Before the first start.
     */
    public Distribution onPostgres(String jdbcUrl, String user) throws IOException {
        Path cfg = home.resolve(DATASOURCE_CFG);
        set(cfg, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
        set(cfg, "url", jdbcUrl);
        set(cfg, "user", user);
        return this;
    }

    /** Names this server node ({@code etc/org.mtmanager.node.cfg}); its lease stays the shipped default. */
    public Distribution node(String name) throws IOException {
        set(home.resolve("etc/org.mtmanager.node.cfg"), "name", name);
        return this;
    }

    /**
     * This node joins {@code first}'s platform: the platform administrator is the one the first node made, so this
     * node writes no first password of its own and {@link #admin()} uses the first's.
     */
    public Distribution joining(Distribution first) {
        this.passwordFile = first.passwordFile;
        return this;
    }

    /** Drops a bundle into {@code deploy/}, where the server installs it at start (and at run time). */
    public void deploy(Path jar) throws IOException {
        Files.copy(jar, Files.createDirectories(home.resolve("deploy")).resolve(jar.getFileName()),
            StandardCopyOption.REPLACE_EXISTING);
    }

    /** Whether its JVM runs. */
    public boolean running() throws IOException {
        return Files.exists(home.resolve("karaf.pid")) && ProcessHandle.of(pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Kills its JVM with SIGKILL, as a crash or an out-of-memory killer would: nothing of the server runs its
     * shutdown. Machines' processes, in sessions of their own, live on. {@link #start()} starts it again.
     */
    public void kill9() throws Exception {
        ProcessHandle p = ProcessHandle.of(pid()).orElseThrow(() -> new AssertionError(home + " does not run"));
        p.destroyForcibly();
        p.onExit().get(30, TimeUnit.SECONDS);
        Files.deleteIfExists(home.resolve("karaf.pid"));
    }

    public Path home() {
        return home;
    }

    public int httpPort() {
        return httpPort;
    }

    public int httpsPort() {
        return httpsPort;
    }

    /** Starts it in the background, as {@code bin/start} does. */
    public void start() throws Exception {
        run(home, Duration.ofMinutes(1), "bin/start");
    }

    /**
     * Polls until the REST API answers over plain HTTP (loopback) and the HTTPS port is open, which the first start
     * opens only after making its certificate; returns how long that took after the call.
     */
    public Duration awaitRest(Duration timeout) throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        Http anonymous = new Http(httpPort, null, null, "127.0.0.1");
        String last = "nothing tried";
        while (System.nanoTime() < deadline) {
            try {
                Http.Response openApi = anonymous.get(API + "/openapi.json");
                if (openApi.status() != 200) {
                    last = "openapi.json answered " + openApi.status();
                } else if (!openApi.body().contains("\"/statements/{accountId}/{period}\"")) {
                    // The API is published as the domains' resources arrive, billing's (another bundle) last.
                    last = "the API is published without billing yet";
                } else if (!Files.exists(passwordFile)) {
                    last = "no initial admin password yet";
                } else if (!httpsOpen()) {
                    last = "HTTPS port " + httpsPort + " not open";
                } else {
                    return Duration.ofNanos(System.nanoTime() - t0);
                }
            } catch (AssertionError notYet) {
                last = "plain HTTP port " + httpPort + ": " + notYet.getMessage(); // still starting
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("REST not ready after " + timeout + " (last: " + last + "); see "
            + home.resolve("data/log/karaf.log") + problems() + bootThreads());
    }

    /**
     * Where the threads that boot the server and its web server stand (features, Pax Web's configuration, SCR and
     * Config Admin), from {@code jcmd Thread.print}: a boot that hangs hangs in one of them.
     */
    private String bootThreads() {
        try {
            // To a file, so that a jcmd that cannot attach to a wedged JVM still meets its time limit.
            Path file = home.resolve("threads.txt");
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid()), "Thread.print").redirectErrorStream(true).redirectOutput(file.toFile()).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            String dump = Files.readString(file);
            StringBuilder out = new StringBuilder();
            for (String thread : dump.split("\n\n")) {
                if (thread.matches("(?s)^\"(features-|paxweb-config|CM Configuration Updater|SCR Component Actor|activator-).*")) {
                    out.append("\n").append(thread.lines().limit(30).collect(Collectors.joining("\n")));
                }
            }
            return out.toString();
        } catch (Exception unavailable) {
            return " (no thread dump: " + unavailable + ")";
        }
    }

    /** The log's errors and warnings, so that a failure on a CI machine, whose files are gone, says why. */
    private String problems() {
        try (var lines = Files.lines(home.resolve("data/log/karaf.log"), StandardCharsets.UTF_8)) {
            List<String> found = lines.filter(l -> l.contains("| ERROR") || l.contains("| WARN ") || l.startsWith("Caused by")
                    || l.contains("Exception:")).filter(l -> !l.contains("Can't find the request for"))
                .limit(40).map(l -> l.length() > 400 ? l.substring(0, 400) : l).toList();
            return found.isEmpty() ? "" : "\n" + String.join("\n", found);
        } catch (IOException | UncheckedIOException unreadable) {
            return " (log unreadable: " + unreadable + ")";
        }
    }

    private boolean httpsOpen() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", httpsPort), 1000);
            return s.getLocalPort() != httpsPort; // a self-connect means nothing listens yet
        } catch (IOException closed) {
            return false;
        }
    }

    /** Runs console commands over SSH with {@code bin/client} in batch mode; returns what it printed. */
    public String client(String user, String password, String... commands) throws Exception {
        return clientTo("localhost", 30, user, password, commands);
    }

    /**
     * The same, connecting to {@code host} (a local address: the connection's source is then that address too),
     * trying {@code attempts} times.
     */
    public String clientTo(String host, int attempts, String user, String password, String... commands) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bin/client", "-h", host, "-a", String.valueOf(sshPort), "-u", user,
            "-p", password, "-r", String.valueOf(attempts), "-b").directory(home.toFile()).redirectErrorStream(true);
        pb.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        p.getOutputStream().write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("bin/client did not finish: " + out);
        }
        return out;
    }

    public String adminPassword() throws IOException {
        return Files.readString(passwordFile).strip();
    }

    public Http admin() throws IOException {
        return new Http(httpPort, "admin", adminPassword(), "127.0.0.1");
    }

    public long pid() throws IOException {
        return Long.parseLong(Files.readString(home.resolve("karaf.pid")).strip());
    }

    /** Stops it with {@code bin/stop} and waits for the process to end; kills it if it does not. */
    public void stop() throws Exception {
        if (!running()) {
            return;
        }
        long pid = pid();
        run(home, Duration.ofMinutes(1), "bin/stop");
        ProcessHandle.of(pid).ifPresent(p -> {
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } finally {
            if (Files.exists(home.resolve("karaf.pid"))) {
                ProcessHandle.of(pid()).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    /** The value of {@code key} in a configuration file; fails if it has none. */
    static String value(Path cfg, String key) throws IOException {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + "\\s*=(.*)$").matcher(Files.readString(cfg));
        if (!m.find()) {
            throw new AssertionError(cfg + " has no " + key);
        }
        return m.group(1).strip();
    }

    static void set(Path cfg, String key, String value) throws IOException {
        String text = Files.exists(cfg) ? Files.readString(cfg) : "";
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + "\\s*=.*$").matcher(text);
        text = m.find() ? m.replaceAll(Matcher.quoteReplacement(key + " = " + value)) : text + "\n" + key + " = " + value + "\n";
        Files.writeString(cfg, text, StandardCharsets.UTF_8);
    }

    static void run(Path dir, Duration timeout, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(dir.resolve("launcher.log").toFile().exists()
                ? ProcessBuilder.Redirect.appendTo(dir.resolve("launcher.log").toFile())
                : ProcessBuilder.Redirect.to(dir.resolve("launcher.log").toFile()));
        Map<String, String> env = pb.environment();
        env.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeout);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + p.exitValue() + "; see " + dir.resolve("launcher.log"));
        }
    }
}
