package org.mtmanager.store.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests, one per JVM, and a fresh database per test.
 *
 * <p>{@code .ci/run} starts one server on a loopback port and names it in {@code MTM_TEST_PG} (a JDBC URL of its
 * {@code postgres} database, with {@code user=}). Without that variable this class starts a private server itself
 * from the machine's PostgreSQL binaries ({@code initdb}, {@code pg_ctl}: Debian's {@code postgresql} package), in a
 * temporary directory, on a free loopback port, run as the {@code postgres} user when the JVM is root (PostgreSQL
 * refuses to run as root), and stops it when the JVM exits.
 */
public final class PostgresServer {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer instance;

    private final String host;
    private final int port;
    private final String user;

    private PostgresServer(String host, int port, String user) {
        this.host = host;
        this.port = port;
        this.user = user;
    }

    /** The JVM's server: the one {@code MTM_TEST_PG} names, or one started now. */
    public static synchronized PostgresServer get() {
        if (instance == null) {
            String given = System.getenv("MTM_TEST_PG");
            instance = given == null || given.isBlank() ? start() : parse(given);
        }
        return instance;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    /** The JDBC URL of a database on this server, without credentials. */
    public String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Makes a new, empty database whose name starts with {@code prefix} and returns its name. */
    public String createDatabase(String prefix) {
        return createDatabase(prefix, null);
    }

    /**
     * Makes a new database as a copy of {@code template} (a database nobody is connected to; null: an empty one) whose
     * name starts with {@code prefix}, and returns its name.
     */
    public String createDatabase(String prefix, String template) {
        String name = (prefix + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet())
            .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        admin("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
        return name;
    }

    /** Drops a database made by {@link #createDatabase}, closing whatever is still connected to it. */
    public void dropDatabase(String name) {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection(url("postgres") + "?user=" + user);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " refused: " + sql + ": " + e.getMessage(), e);
        }
    }

    private static PostgresServer parse(String jdbcUrl) {
        // jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres
        String rest = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
        String hostPort = rest.substring(0, rest.indexOf('/'));
        String user = "postgres";
        int q = rest.indexOf("user=");
        if (q >= 0) {
            user = rest.substring(q + 5).split("&")[0];
        }
        int colon = hostPort.lastIndexOf(':');
        return new PostgresServer(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)), user);
    }

    private static PostgresServer start() {
        try {
            Path bin = binaries();
            boolean root = "root".equals(System.getProperty("user.name"));
            Path dir = Files.createTempDirectory("mtm-pg-");
            Path data = dir.resolve("data");
            if (root) {
                run(List.of("chown", "postgres:postgres", dir.toString()));
            }
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            run(as(root, List.of(bin.resolve("initdb").toString(), "-A", "trust", "--no-sync", "-U", "postgres",
                "-E", "UTF8", "--locale=C", "-D", data.toString())));
            run(as(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l",
                dir.resolve("log").toString(), "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir
                    + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
                "start")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    run(as(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop")));
                    run(List.of("rm", "-rf", dir.toString()));
                } catch (IOException e) {
                    // the JVM is going; a left-over directory is in /tmp
                }
            }));
            return new PostgresServer("127.0.0.1", port, "postgres");
        } catch (IOException e) {
            throw new IllegalStateException("could not start a PostgreSQL server for the tests: " + e.getMessage()
                + " (install Debian's postgresql package, or set MTM_TEST_PG to a server's JDBC URL)", e);
        }
    }

    private static List<String> as(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> c = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        c.addAll(command);
        return c;
    }

    private static Path binaries() throws IOException {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "initdb")) && Files.isExecutable(Path.of(d, "pg_ctl"))) {
                return Path.of(d);
            }
        }
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (var versions = Files.list(lib)) {
                for (Path v : versions.sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString())).toList()) {
                    if (Files.isExecutable(v.resolve("bin/initdb"))) {
                        return v.resolve("bin");
                    }
                }
            }
        }
        throw new IOException("initdb and pg_ctl were not found on the PATH or under /usr/lib/postgresql");
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not end within 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + out.strip());
        }
    }
}
