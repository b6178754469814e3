package org.mtmanager.sipedge.kamailio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mtmanager.spi.sipedge.EdgeException;

/**
 * The Kamailio process of one edge, found by its pid file: so that an edge left running by a server that was killed
 * is found again and adopted (its table is reloaded if it is stale) rather than started twice on the same ports.
 */
final class EdgeProcess {
    private static final Duration STARTING = Duration.ofSeconds(20);
    private static final Duration STOPPING = Duration.ofSeconds(5);

    private final Path dir;

    EdgeProcess(Path dir) {
        this.dir = dir;
    }

    Path pidFile() {
        return dir.resolve("kamailio.pid");
    }

    Path log() {
        return dir.resolve("kamailio.log");
    }

    /** The edge's process when it runs (its pid file names a live Kamailio). */
    Optional<ProcessHandle> running() {
        try {
            if (!Files.exists(pidFile())) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile()).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("kamailio")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts Kamailio on {@code config} and waits until {@code ready} answers; if it ends first, the error names the
     * last lines of its log.
     */
    void start(String kamailio, Path config, int sharedMb, int privateMb, Ready ready) throws EdgeException {
        Path run = dir.resolve("run");
        List<String> command = List.of(kamailio, "-DD", "-E", "-f", config.toString(), "-P", pidFile().toString(),
            "-m", Integer.toString(sharedMb), "-M", Integer.toString(privateMb), "-Y", run.toString());
        Process p;
        try {
            Files.createDirectories(run);
            Files.deleteIfExists(pidFile());
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log().toFile())).start();
        } catch (IOException e) {
            throw new EdgeException("Kamailio cannot be started (" + kamailio + "): " + e.getMessage()
                + "; bin/mtm-host-setup installs it");
        }
        long deadline = System.nanoTime() + STARTING.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new EdgeException("Kamailio ended at its start (exit " + p.exitValue() + "): " + lastLines());
            }
            if (ready.answers()) {
                return;
            }
            sleep(100);
        }
        stop();
        p.destroyForcibly();
        throw new EdgeException("Kamailio did not answer on its control port within " + STARTING.toSeconds() + " s: " + lastLines());
    }

    /** Ends the edge's Kamailio and its children; nothing when none runs. */
    void stop() {
        running().ifPresent(p -> {
            List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
            p.destroy();
            long deadline = System.nanoTime() + STOPPING.toNanos();
            while (p.isAlive() && System.nanoTime() < deadline) {
                sleep(50);
            }
            all.add(p);
            all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        });
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            // the next start replaces it
        }
    }

    /** The log's errors, or its last lines, to say why Kamailio did not start. */
    String lastLines() {
        try {
            List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
            List<String> errors = lines.stream().filter(l -> l.contains("ERROR") || l.contains("CRITICAL")).toList();
            List<String> shown = errors.isEmpty() ? lines : errors;
            return String.join(" | ", shown.subList(Math.max(0, shown.size() - 4), shown.size())).strip();
        } catch (IOException e) {
            return "no log (" + e.getMessage() + ")";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the started edge answers yet. */
    interface Ready {
        boolean answers();
    }
}
