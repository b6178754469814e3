package org.mtmanager.spi.firewall;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a packet filter's tools (nft, iptables-restore, conntrack) as processes in the settings' network namespace,
 * feeding scripts on standard input, for the backends: every call has a timeout, and a hung tool is stopped.
 */
public final class Commands {
    public static final long TIMEOUT_SECONDS = 60;

    private Commands() {
    }

    /** The tool's path in the usual system directories; null when it is not installed. */
    public static String tool(String name) {
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return dir + "/" + name;
            }
        }
        return null;
    }

    /** The command, run in the settings' namespace ({@code ip netns exec}) when there is one. */
    public static List<String> in(FirewallSettings s, String... command) {
        return in(s.namespace(), command);
    }

    public static List<String> in(String namespace, String... command) {
        List<String> c = new ArrayList<>();
        if (!namespace.isEmpty()) {
            c.addAll(List.of(tool("ip"), "netns", "exec", namespace));
        }
        c.add(tool(command[0]));
        c.addAll(List.of(command).subList(1, command.length));
        return c;
    }

    /** Runs the command with {@code input}; returns its output, or fails with its error output. */
    public static Result run(List<String> command, String input) throws FirewallException {
        Process p;
        try {
            p = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new FirewallException("cannot run " + command.get(0) + ": " + e.getMessage(), true, e);
        }
        try {
            // Input and outputs move on threads of their own while this one waits: a big listing never blocks on a
            // full pipe, and a hung process (one that reads nothing, or never ends) still meets the timeout below.
            CompletableFuture<String> out = background(() -> read(p.getInputStream()));
            CompletableFuture<String> err = background(() -> read(p.getErrorStream()));
            CompletableFuture<String> written = background(() -> write(p.getOutputStream(), input));
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new FirewallException(command + " did not finish in " + TIMEOUT_SECONDS + " s; stopped it", true);
            }
            written.get();
            return new Result(p.exitValue(), out.get(), err.get());
        } catch (ExecutionException e) {
            p.destroyForcibly();
            throw new FirewallException("running " + command.get(0) + " failed: " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new FirewallException("interrupted", true, e);
        }
    }

    private static CompletableFuture<String> background(Supplier<String> work) {
        CompletableFuture<String> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        }, "firewall-io");
        t.setDaemon(true);
        t.start();
        return f;
    }

    private static String write(OutputStream out, String input) {
        try (out) {
            out.write(input.getBytes(StandardCharsets.UTF_8));
            return "";
        } catch (IOException e) {
            // The process stopped reading: it ended (its exit code tells why) or was stopped.
            return "";
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the command; its output, or a retryable failure with its error output when it exits non-zero. */
    public static String ok(List<String> command, String input) throws FirewallException {
        Result r = run(command, input);
        if (r.exit() != 0) {
            throw new FirewallException(String.join(" ", command.subList(Math.max(0, command.size() - 3), command.size()))
                + " failed: " + r.err().strip(), true);
        }
        return r.out();
    }

    /** A finished process: its exit code and both outputs. */
    public record Result(int exit, String out, String err) {
    }
}
