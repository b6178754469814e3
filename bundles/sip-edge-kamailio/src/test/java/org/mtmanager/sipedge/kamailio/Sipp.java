package org.mtmanager.sipedge.kamailio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** SIPp (Debian's sip-tester) running one of the test's scenarios, with its log to read the outcome from. */
final class Sipp implements AutoCloseable {
    private final Process process;
    private final Path log;

    private Sipp(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The scenario resource {@code name}, with {@code [key]} replaced by each value, as a file in {@code dir}. */
    static Path scenario(Path dir, String name, Map<String, String> values) throws IOException {
        String text;
        try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("[" + v.getKey() + "]", v.getValue());
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** Starts SIPp with these arguments after the common ones (no terminal, messages and logs into {@code dir}). */
    static Sipp start(Path dir, String label, List<String> args) throws IOException {
        Path log = dir.resolve(label + ".log");
        List<String> command = new ArrayList<>(List.of("sipp", "-nostdin", "-trace_logs", "-log_file", log.toString(),
            "-trace_err", "-error_file", dir.resolve(label + ".errors").toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(dir.resolve(label + ".out").toFile()).start();
        return new Sipp(p, log);
    }

    /** Waits for SIPp to end; its exit code (0: every call went as the scenario says). */
    int await(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -100;
        }
        return process.exitValue();
    }

    /** The lines the scenario logged ({@code <log>} actions). */
    List<String> logged() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList() : List.of();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
