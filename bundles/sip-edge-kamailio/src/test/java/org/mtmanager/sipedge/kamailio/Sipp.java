package org.mtmanager.sipedge.kamailio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * SIPp (Debian's sip-tester) running one of the scenarios in {@code /sipp/} (carrier-call, carrier-refused, machine),
 * with its log to read the outcome from; shared with the itests in this bundle's test-jar.
 */
public final class Sipp implements AutoCloseable {
    private final Process process;
    private final Path log;

    private Sipp(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The scenario resource {@code name}, with {@code [key]} replaced by each value, as a file in {@code dir}. */
    public static Path scenario(Path dir, String name, Map<String, String> values) throws IOException {
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

    /** The carrier's call to the number given with {@code -s}. */
    public static Path carrierCall(Path dir) throws IOException {
        return scenario(dir, "carrier-call.xml", Map.of("number", "[service]", "expected", "-"));
    }

    /** The carrier's calls to the numbers of an injection file ({@code -inf}), lines {@code number;expected machine}. */
    public static Path carrierCalls(Path dir) throws IOException {
        Path file = scenario(dir, "carrier-call.xml", Map.of("number", "[field0]", "expected", "[field1]"));
        Path renamed = dir.resolve("carrier-calls.xml");
        Files.move(file, renamed, StandardCopyOption.REPLACE_EXISTING);
        return renamed;
    }

    /** Starts SIPp with these arguments after the common ones (no terminal, messages and logs into {@code dir}). */
    public static Sipp start(Path dir, String label, List<String> args) throws IOException {
        return start(dir, label, List.of(), args);
    }

    /** The same, run by {@code prefix} (such as {@code ip netns exec NAME}). */
    public static Sipp start(Path dir, String label, List<String> prefix, List<String> args) throws IOException {
        Path log = dir.resolve(label + ".log");
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("sipp", "-nostdin", "-trace_logs", "-log_file", log.toString(),
            "-trace_err", "-error_file", dir.resolve(label + ".errors").toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(dir.resolve(label + ".out").toFile()).start();
        return new Sipp(p, log);
    }

    /** Waits for SIPp to end; its exit code (0: every call went as the scenario says). */
    public int await(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -100;
        }
        return process.exitValue();
    }

    /** The lines the scenario logged ({@code <log>} actions). */
    public List<String> logged() throws IOException {
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
