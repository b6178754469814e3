package org.mtmanager.itests;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distribution run as an operator runs it: unpacked from the tar.gz, configured on free ports, started with
 * {@code bin/start} and stopped with {@code bin/stop}. For tests and benchmarks that need a real process
 * (restarts, start-up time, memory).
 */
public final class Distribution implements AutoCloseable {
    private final Path home;
    private final int httpPort;

    private Distribution(Path home, int httpPort) {
        this.home = home;
        this.httpPort = httpPort;
    }

    /** Unpacks the distribution under {@code target/} and moves every listener to a free port. */
    public static Distribution unpack(String name) throws Exception {
        Path tar = Paths.get(System.getProperty("mtm.distribution", "../assembly/target/mtm-assembly-0.1.0-SNAPSHOT.tar.gz"));
        Path dir = Paths.get("target", name + "-" + System.nanoTime()).toAbsolutePath();
        Files.createDirectories(dir);
        run(dir, Duration.ofMinutes(2), "tar", "xzf", tar.toAbsolutePath().toString(), "--strip-components=1");
        int http = freePort();
        set(dir.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(http));
        set(dir.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(freePort()));
        set(dir.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", String.valueOf(freePort()));
        set(dir.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", String.valueOf(freePort()));
        return new Distribution(dir, http);
    }

    public Path home() {
        return home;
    }

    public int httpPort() {
        return httpPort;
    }

    /** Starts it in the background, as {@code bin/start} does. */
    public void start() throws Exception {
        run(home, Duration.ofMinutes(1), "bin/start");
    }

    /** Polls until the REST API answers; returns how long that took after the call. */
    public Duration awaitRest(Duration timeout) throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        Http anonymous = new Http(httpPort, null, null, "127.0.0.1");
        while (System.nanoTime() < deadline) {
            try {
                if (anonymous.get("/mtm/api/v1/openapi.json").status() == 200
                        && Files.exists(home.resolve("data/mtm/initial-admin-password"))) {
                    return Duration.ofNanos(System.nanoTime() - t0);
                }
            } catch (AssertionError notYet) {
                // connection refused: still starting
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("REST not ready after " + timeout + "; see " + home.resolve("data/log/karaf.log"));
    }

    public String adminPassword() throws IOException {
        return Files.readString(home.resolve("data/mtm/initial-admin-password")).strip();
    }

    public Http admin() throws IOException {
        return new Http(httpPort, "admin", adminPassword(), "127.0.0.1");
    }

    public long pid() throws IOException {
        return Long.parseLong(Files.readString(home.resolve("karaf.pid")).strip());
    }

    /** Stops it with {@code bin/stop} and waits for the process to end; kills it if it does not. */
    public void stop() throws Exception {
        if (!Files.exists(home.resolve("karaf.pid"))) {
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

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
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
