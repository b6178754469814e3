package org.mtmanager.hypervisor.container;

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

    /** Runs a command to its end; returns its standard output. */
    static String run(List<String> command) throws DriverException {
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, tool(command.get(0)));
        try {
            Process p = new ProcessBuilder(resolved).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            byte[] out;
            byte[] err;
            try {
                p.getOutputStream().close();
                out = p.getInputStream().readAllBytes();
                err = p.getErrorStream().readAllBytes();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new DriverException(String.join(" ", command) + " did not finish in 30 s", true);
                }
            } finally {
                p.getInputStream().close();
                p.getErrorStream().close();
            }
            if (p.exitValue() != 0) {
                throw new DriverException(String.join(" ", command) + " failed (" + p.exitValue() + "): "
                    + new String(err, StandardCharsets.UTF_8).strip(), false);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DriverException("cannot run " + command.get(0) + ": " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException(String.join(" ", command) + " was interrupted", true, e);
        }
    }
}
