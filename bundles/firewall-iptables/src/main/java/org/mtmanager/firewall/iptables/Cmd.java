package org.mtmanager.firewall.iptables;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.mtmanager.spi.firewall.FirewallException;
import org.mtmanager.spi.firewall.FirewallSettings;

/** Runs iptables-restore, iptables and conntrack in the settings' namespace, feeding scripts on standard input. */
final class Cmd {
    private Cmd() {
    }

    static String tool(String name) {
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return dir + "/" + name;
            }
        }
        return null;
    }

    static List<String> in(FirewallSettings s, String... command) {
        List<String> c = new ArrayList<>();
        if (!s.namespace().isEmpty()) {
            c.addAll(List.of(tool("ip"), "netns", "exec", s.namespace()));
        }
        c.add(tool(command[0]));
        c.addAll(List.of(command).subList(1, command.length));
        return c;
    }

    /** Runs the command with {@code input}; returns its output, or fails with its error output. */
    static Result run(List<String> command, String input) throws FirewallException {
        try {
            Process p = new ProcessBuilder(command).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
            // Output is read fully before waiting, so a big listing never blocks on a full pipe.
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new FirewallException(command + " did not finish in 60 s", true);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new FirewallException("cannot run " + command.get(0) + ": " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FirewallException("interrupted", true, e);
        }
    }

    static String ok(List<String> command, String input) throws FirewallException {
        Result r = run(command, input);
        if (r.exit() != 0) {
            throw new FirewallException(String.join(" ", command.subList(Math.max(0, command.size() - 3), command.size()))
                + " failed: " + r.err().strip(), true);
        }
        return r.out();
    }

    record Result(int exit, String out, String err) {
    }
}
