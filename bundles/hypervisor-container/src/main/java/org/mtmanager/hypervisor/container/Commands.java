package org.mtmanager.hypervisor.container;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.mtmanager.spi.hypervisor.DriverException;

/** Runs the host's tools (ip, kill, dropbearkey) by absolute path, with a time limit, failing with their stderr. */
final class Commands {
    /** Where root's tools live, searched after PATH: a service's PATH often lacks the sbin directories. */
    private static final List<String> SYSTEM_DIRS = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin",
        "/sbin", "/bin");

    private static final long TIMEOUT_SECONDS = 30;

    private Commands() {
    }

    static Optional<Path> find(String tool) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(":")));
        }
        dirs.addAll(SYSTEM_DIRS);
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst();
    }

    static String tool(String name) throws DriverException {
        return find(name).map(Path::toString)
            .orElseThrow(() -> new DriverException(name + " is not installed on this host", false));
    }

    /**
     * Runs a command to its end; returns its standard output. The outputs go to files, not pipes: a child that
     * outlives the command (a daemon that kept them open) cannot make the call wait past its time limit.
     */
    static String run(List<String> command) throws DriverException {
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, tool(command.get(0)));
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("mtm-cmd", ".out");
            err = Files.createTempFile("mtm-cmd", ".err");
            Process p = new ProcessBuilder(resolved).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new DriverException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s", true);
            }
            if (p.exitValue() != 0) {
                throw new DriverException(String.join(" ", command) + " failed (" + p.exitValue() + "): "
                    + Files.readString(err, StandardCharsets.UTF_8).strip(), false);
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DriverException("cannot run " + command.get(0) + ": " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException(String.join(" ", command) + " was interrupted", true, e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file the system cleans up anyway
            }
        }
    }
}
