package org.mtmanager.firewall.nftables;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.mtmanager.spi.firewall.Commands;
import org.mtmanager.spi.firewall.FirewallException;

/**
 * One long-lived {@code nft -i} in a namespace, for element changes: starting {@code ip netns exec nft} costs
 * 3-8 ms a change, a line to a running nft well under one. Each call is one input line, which nft runs as one
 * transaction (all of it or none), followed by a {@code describe} whose fixed answer marks the end of the
 * call's output; standard error is merged into standard output, so whatever comes before that mark is an error.
 *
 * <p>Robustness: a call that gets no mark within its timeout kills the process (a wedged nft) and fails; a
 * process found dead, or living in another namespace than the one the name now stands for (deleted and made
 * again), is replaced, and the call is sent again once (element adds and removes are idempotent). A failure
 * is a retryable {@link FirewallException} ({@link Unavailable} when the shell, not nft's verdict, failed).
 */
final class NftShell implements AutoCloseable {
    static final String MARK_COMMAND = "describe meta mark";
    static final String MARK = "meta expression, datatype mark (packet mark) (basetype integer), 32 bits";
    private static final String EOF = "\u0000eof";

    private final String namespace;
    private final long timeoutMillis;
    private Process process;
    private BlockingQueue<String> lines;
    private long netns;

    /**
     * @param namespace the network namespace (empty for the server's own)
     * @param timeoutMillis how long one call may take before its nft is taken for wedged
     */
    NftShell(String namespace, long timeoutMillis) {
        this.namespace = namespace;
        this.timeoutMillis = timeoutMillis;
    }

    /** Runs {@code commands} (one line; several commands separated by ';') as one transaction. */
    synchronized void run(String commands) throws FirewallException {
        if (commands.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("one line only: each line is a transaction of its own");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                ensureRunning();
                send(commands);
                String errors = awaitMark();
                if (!errors.isEmpty()) {
                    throw new FirewallException("nft failed: " + errors.strip(), true);
                }
                return;
            } catch (IOException | ProcessDied e) {
                stop();
                if (attempt == 2) {
                    throw new Unavailable("nft -i in '" + namespace + "' died twice: " + e.getMessage(), e);
                }
            }
        }
    }

    /** The process id of the running nft, for tests that make it fail; -1 when none runs. */
    synchronized long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    @Override
    public synchronized void close() {
        stop();
    }

    private void ensureRunning() throws IOException {
        long current = namespaceId(namespace);
        if (process != null && process.isAlive() && current == netns) {
            return;
        }
        stop();
        List<String> command = Commands.in(namespace, "nft", "-i");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        // No history file: every element change would land in root's home otherwise.
        pb.environment().put("HOME", "/nonexistent");
        Process p = pb.start();
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> pump(p, q), "nft-i " + (namespace.isEmpty() ? "host" : namespace));
        reader.setDaemon(true);
        reader.start();
        process = p;
        lines = q;
        netns = current;
        // The process is in the namespace only once ip has entered it; until then /proc shows ip's own.
        if (!namespace.isEmpty()) {
            write(MARK_COMMAND + "\n");
            try {
                awaitMark();
            } catch (FirewallException | ProcessDied e) {
                stop();
                throw new IOException("nft -i did not start: " + e.getMessage(), e);
            }
            if (processNamespaceId(p.pid()) != current) {
                stop();
                throw new IOException("nft -i is not in namespace " + namespace);
            }
        }
    }

    private void send(String line) throws IOException {
        write(line + "\n" + MARK_COMMAND + "\n");
    }

    private void write(String text) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write(text.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** The output before the end mark (errors, if any). */
    private String awaitMark() throws FirewallException, ProcessDied {
        StringBuilder out = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            while (true) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    stop();
                    throw new Unavailable("nft -i in '" + namespace + "' did not answer in " + timeoutMillis
                        + " ms; stopped it" + (out.length() > 0 ? ": " + out.toString().strip() : ""), null);
                }
                if (line.equals(EOF)) {
                    throw new ProcessDied(out.toString());
                }
                if (line.equals(MARK)) {
                    return out.toString();
                }
                out.append(line).append('\n');
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new FirewallException("interrupted", true, e);
        }
    }

    private void stop() {
        if (process != null) {
            try {
                process.getOutputStream().close();
            } catch (IOException ignored) {
                // already gone
            }
            // Forcibly: a stopped (wedged) process ignores anything else; nft holds no state a kill could tear.
            process.destroyForcibly();
            process = null;
        }
    }

    private static void pump(Process p, BlockingQueue<String> q) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                q.add(line);
            }
        } catch (IOException ignored) {
            // the process is gone: reported below
        }
        q.add(EOF);
    }

    /** The inode of the namespace a name stands for now (0 for the server's own). */
    static long namespaceId(String namespace) throws IOException {
        if (namespace.isEmpty()) {
            return 0;
        }
        return ((Number) Files.getAttribute(Path.of("/run/netns", namespace), "unix:ino")).longValue();
    }

    private static long processNamespaceId(long pid) throws IOException {
        String link = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "net")).toString();
        return Long.parseLong(link.substring(link.indexOf('[') + 1, link.indexOf(']')));
    }

    /** The shell itself failed (dead, wedged), not the change: another way of running nft may still work. */
    static final class Unavailable extends FirewallException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, true, cause);
        }
    }

    /** The process ended before answering; what it said first. */
    private static final class ProcessDied extends Exception {
        private static final long serialVersionUID = 1L;

        ProcessDied(String output) {
            super("nft -i exited" + (output.isBlank() ? "" : ": " + output.strip()));
        }
    }
}
